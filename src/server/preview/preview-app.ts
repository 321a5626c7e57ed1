// The course preview as a Hono app: rendered lessons, course files (figures), KaTeX and highlight
// styles, and a server-sent event that tells the page to reload after a change.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { CompileResult } from '../../course/index.js';
import { indexPage, lessonPage } from './preview-page.js';

export interface PreviewSource {
  courseDir: string;
  current(): CompileResult;
  /** Calls `listener` after every rebuild; returns a function that unsubscribes. */
  onChange(listener: () => void): () => void;
}

const require = createRequire(import.meta.url);
const katexDir = path.dirname(require.resolve('katex/dist/katex.min.css'));
const highlightCss = require.resolve('highlight.js/styles/github.css');
const contentTypes: Record<string, string> = { '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp', '.css': 'text/css', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf' };

export function createPreviewApp(source: PreviewSource): Hono {
  const app = new Hono();
  app.get('/', (c) => c.html(indexPage(source.current())));
  app.get('/lessons/:id', (c) => {
    const result = source.current();
    const lesson = result.bundle?.public.lessons.find((l) => l.id === c.req.param('id'));
    return lesson ? c.html(lessonPage(result, lesson)) : c.html(indexPage(result), 404);
  });
  app.get('/_assets/highlight.css', async (c) => c.body(await readFile(highlightCss), 200, { 'content-type': 'text/css' }));
  app.get('/_assets/katex/*', (c) => sendFile(c, katexDir, c.req.path.slice('/_assets/katex/'.length)));
  app.get('/_events', (c) =>
    streamSSE(c, async (stream) => {
      let wake: () => void = () => {};
      const unsubscribe = source.onChange(() => wake());
      stream.onAbort(() => wake());
      try {
        while (!stream.aborted) {
          await new Promise<void>((resolve) => (wake = resolve));
          if (!stream.aborted) await stream.writeSSE({ event: 'reload', data: 'changed' });
        }
      } finally {
        unsubscribe();
      }
    }),
  );
  // Figures and other files, addressed as from the lesson pages ("/lessons/../figures/x.svg" → "/figures/x.svg").
  app.get('/*', (c) => sendFile(c, source.courseDir, decodeURIComponent(c.req.path.slice(1))));
  return app;
}

async function sendFile(c: import('hono').Context, root: string, relative: string) {
  const file = path.resolve(root, relative);
  if (!file.startsWith(path.resolve(root) + path.sep) || /\.(md|ya?ml)$/.test(file)) return c.text('not found', 404);
  const body = await readFile(file).catch(() => undefined);
  if (!body) return c.text(`not found: ${relative}`, 404);
  return c.body(body, 200, { 'content-type': contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream' });
}
