// Reads, compiles and checks a course folder for the CLI, with one-line errors a teacher can act on.
import { stat } from 'node:fs/promises';
import { compileCourse, sortDiagnostics, type CompileResult } from '../course/index.js';
import { checkCourseExercises, createSandbox } from '../exercise/index.js';
import { readCourseFolder } from '../server/index.js';

export class UsageError extends Error {}

export interface LoadCourseOptions {
  /** Also check exercises: templates over 1,000 seeds, keys, mistakes (default true). */
  checkExercises?: boolean;
  /** Run code exercises' solutions against their tests in the sandbox (default false: slower). */
  runCode?: boolean;
}

/** Compiles the course and checks its exercises; the bundle is absent when anything is an error. */
export async function loadCourse(dir: string, options: LoadCourseOptions = {}): Promise<CompileResult> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new UsageError(`course folder not found: ${dir} (give the folder that holds course.yaml)`);
  const compiled = compileCourse(await readCourseFolder(dir));
  if (!compiled.bundle || options.checkExercises === false) return compiled;
  const needsSandbox = options.runCode === true && compiled.bundle.public.exercises.some((e) => e.type === 'code');
  const sandbox = needsSandbox ? createSandbox() : undefined;
  try {
    const problems = await checkCourseExercises(compiled.bundle, { sandbox });
    const diagnostics = sortDiagnostics([...compiled.diagnostics, ...problems]);
    return diagnostics.some((d) => d.severity === 'error') ? { diagnostics } : { bundle: compiled.bundle, diagnostics };
  } finally {
    await sandbox?.close();
  }
}
