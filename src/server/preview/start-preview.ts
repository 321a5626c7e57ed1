// `primer course preview`: compiles the course, serves it, and rebuilds when a file changes.
import { serve } from '@hono/node-server';
import type { CompileResult } from '../../course/index.js';
import { watchCourseFolder } from '../watch-course-folder.js';
import { createPreviewApp } from './preview-app.js';

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

export async function startPreview(options: { courseDir: string; host: string; port: number; onRebuild?: (result: CompileResult) => void }): Promise<PreviewServer> {
  const listeners = new Set<() => void>();
  let first = true;
  const course = await watchCourseFolder(options.courseDir, (result) => {
    if (first) return void (first = false);
    options.onRebuild?.(result);
    for (const listener of listeners) listener();
  });
  const app = createPreviewApp({
    courseDir: options.courseDir,
    current: () => course.current(),
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, () => resolve(started));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${options.host === '0.0.0.0' ? 'localhost' : options.host}:${port}/`,
    close: async () => {
      course.close();
      for (const listener of listeners) listener();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
