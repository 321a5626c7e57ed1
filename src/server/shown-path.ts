import path from 'node:path';

/** A path as the operator reads it in the log: relative to the working folder when inside it, else absolute. */
export function shownPath(cwd: string, target: string): string {
  const relative = path.relative(cwd, target);
  if (relative === '') return '.';
  return relative.startsWith('..') || path.isAbsolute(relative) ? path.resolve(cwd, target) : relative;
}
