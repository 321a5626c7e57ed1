// `primer course preview`: compiles the course, serves it, and rebuilds when a file changes.
import { watch } from 'node:fs';
import { serve } from '@hono/node-server';
import { compileCourse, type CompileResult } from '../../course/index.js';
import { readCourseFolder } from '../read-course-folder.js';
import { createPreviewApp } from './preview-app.js';

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

export async function startPreview(options: { courseDir: string; host: string; port: number; onRebuild?: (result: CompileResult) => void }): Promise<PreviewServer> {
  const build = async () => compileCourse(await readCourseFolder(options.courseDir));
  let current = await build();
  const listeners = new Set<() => void>();
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(options.courseDir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      current = await build().catch((error: Error) => ({ diagnostics: [{ path: '.', line: 1, column: 1, severity: 'error' as const, message: `could not read the course: ${error.message}` }] }));
      options.onRebuild?.(current);
      for (const listener of listeners) listener();
    }, 100);
  });
  const app = createPreviewApp({
    courseDir: options.courseDir,
    current: () => current,
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${options.host === '0.0.0.0' ? 'localhost' : options.host}:${port}/`,
    close: async () => {
      watcher.close();
      clearTimeout(timer);
      for (const listener of listeners) listener();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
