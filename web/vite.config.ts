// Builds the web app from web/ into web/dist, which the server serves. In development
// (`npx vite --config web/vite.config.ts`), API calls go to the server on port 3000.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const server = 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  plugins: [react()],
  build: { outDir: fileURLToPath(new URL('./dist', import.meta.url)), emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/api': server, '/metrics': server, '/healthz': server } },
  preview: { proxy: { '/api': server, '/metrics': server, '/healthz': server } },
});
