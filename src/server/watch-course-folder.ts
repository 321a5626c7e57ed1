// Compiles a course folder now and again after every change (debounced), for the preview and for
// teachers who serve a course from a folder.
import { watch } from 'node:fs';
import { compileCourse, type CompileResult } from '../course/index.js';
import { readCourseFolder } from './read-course-folder.js';

export interface WatchedCourse {
  current(): CompileResult;
  close(): void;
}

export async function watchCourseFolder(dir: string, onBuild: (result: CompileResult) => void | Promise<void>, debounceMs = 100): Promise<WatchedCourse> {
  const build = () =>
    readCourseFolder(dir)
      .then(compileCourse)
      .catch((error: Error): CompileResult => ({ diagnostics: [{ path: '.', line: 1, column: 1, severity: 'error', message: `could not read the course folder: ${error.message}` }] }));
  let current = await build();
  await onBuild(current);
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(dir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      current = await build();
      await onBuild(current);
    }, debounceMs);
  });
  return {
    current: () => current,
    close: () => {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
