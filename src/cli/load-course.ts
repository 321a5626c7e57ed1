// Reads and compiles a course folder for the CLI, with one-line errors a teacher can act on.
import { stat } from 'node:fs/promises';
import { compileCourse, type CompileResult } from '../course/index.js';
import { readCourseFolder } from '../server/index.js';

export class UsageError extends Error {}

export async function loadCourse(dir: string): Promise<CompileResult> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new UsageError(`course folder not found: ${dir} (give the folder that holds course.yaml)`);
  return compileCourse(await readCourseFolder(dir));
}
