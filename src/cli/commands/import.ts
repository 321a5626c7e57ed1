// `primer import oatutor <dir> --out <dir>`: reads an OATutor content folder, converts it with the
// pure importer in course/, checks every imported exercise with Primer's own checkers (a step
// whose stored answer is not judged right is left out and listed), and writes the course folders.
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import {
  compileCourse, convertOatutor, formatDiagnostic,
  type CourseBundle, type Diagnostic, type ImportedCourse, type ImportedExercise, type ImportSummary, type Issue, type OatutorContent, type OatutorProblemFiles,
} from '../../course/index.js';
import { checkAnswer, checkCourseExercises, describeProblem, renderVariant, type Verdict } from '../../exercise/index.js';
import { UsageError } from '../load-course.js';

export interface OatutorImportReport extends ImportSummary {
  selfConsistent: number;
  written: { id: string; folder: string; errors: number; warnings: number }[];
}

export function importCommand(): Command {
  const command = new Command('import').description('Import courses written for other tutoring systems.');
  command
    .command('oatutor')
    .description('Convert an OATutor content folder into one Primer course folder per OATutor course, checking every imported step with Primer\'s checkers.')
    .argument('<dir>', 'the OATutor folder: the one holding coursePlans.json, skillModel.json, bkt-params/ and content-pool/')
    .requiredOption('--out <dir>', 'folder to write the courses into, one subfolder per course (created if missing; a subfolder from an earlier import is replaced)')
    .option('--json', 'print the summary as JSON: {courses, lessons, problems, steps, converted, selfConsistent, failures, warnings, written}')
    .action(async (dir: string, options: { out: string; json?: boolean }) => {
      const report = await importOatutor(dir, options.out);
      if (options.json) console.log(JSON.stringify(report, null, 2));
      else printReport(report);
      if (report.written.some((course) => course.errors > 0)) process.exitCode = 1;
    });
  return command;
}

/** Reads, converts, checks and writes; the report says what happened to every step. */
export async function importOatutor(dir: string, out: string): Promise<OatutorImportReport> {
  const content = await readOatutorFolder(dir);
  const leaveOut = new Map<string, string>();
  const convertedSteps = new Set<string>();
  let converted = convertOatutor(content, { leaveOut });
  let diagnostics = new Map<string, Diagnostic[]>();
  let notes: Issue[] = [];
  // a step left out may change the ids of the exercises after it, so check again until nothing changes
  for (let round = 0; round < 6; round += 1) {
    for (const course of converted.courses) for (const e of course.exercises) if (e.kind === 'step') convertedSteps.add(e.oatutorId);
    const before = leaveOut.size;
    diagnostics = new Map();
    notes = [];
    for (const course of converted.courses) diagnostics.set(course.id, await checkImportedCourse(course, leaveOut, notes));
    if (leaveOut.size === before) break;
    converted = convertOatutor(content, { leaveOut });
  }
  const { courses, summary } = converted;
  const written: OatutorImportReport['written'] = [];
  for (const course of courses) written.push(await writeCourse(course, dir, out, diagnostics.get(course.id) ?? []));
  return {
    ...summary,
    warnings: [...summary.warnings, ...notes],
    converted: convertedSteps.size,
    selfConsistent: new Set(courses.flatMap((course) => course.exercises.filter((e) => e.kind === 'step').map((e) => e.oatutorId))).size,
    written,
  };
}

/**
 * Compiles the course in memory and runs what `primer course check` runs; then judges each
 * exercise's own key. What fails is added to `leaveOut`; returns the course check's diagnostics.
 */
async function checkImportedCourse(course: ImportedCourse, leaveOut: Map<string, string>, notes: Issue[]): Promise<Diagnostic[]> {
  const files = new Map<string, string | undefined>(course.files);
  for (const figure of course.figures) files.set(figure.to, undefined);
  const compiled = compileCourse(files);
  const byId = new Map(course.exercises.map((e) => [e.exercise.id, e]));
  const blame = (found: Diagnostic[], prefix: string) => {
    for (const diagnostic of found.filter((d) => d.severity === 'error')) {
      const id = /^exercise "?([a-z0-9][a-z0-9-]*)"?:/.exec(diagnostic.message)?.[1];
      if (id && byId.has(id) && !leaveOut.has(id)) leaveOut.set(id, `${prefix}: ${diagnostic.message}`);
    }
  };
  blame(compiled.diagnostics, 'the course compiler rejects it');
  if (!compiled.bundle) return compiled.diagnostics;
  const exerciseDiagnostics = await checkCourseExercises(compiled.bundle);
  blame(exerciseDiagnostics, '`primer course check` rejects it');
  for (const imported of course.exercises) {
    if (leaveOut.has(imported.exercise.id)) continue;
    const problem = await selfConsistencyProblem(compiled.bundle, imported);
    if (problem) leaveOut.set(imported.exercise.id, `not self-consistent: ${problem}`);
    else notes.push(...(await writtenAsOatutorStoresIt(compiled.bundle, imported)));
  }
  return [...compiled.diagnostics, ...exerciseDiagnostics];
}

/** Why the checker does not accept the exercise's own key (or accepts a wrong choice); undefined when it is consistent. */
async function selfConsistencyProblem(bundle: CourseBundle, imported: ImportedExercise): Promise<string | undefined> {
  const exercise = bundle.public.exercises.find((e) => e.id === imported.exercise.id);
  const key = bundle.keys.exercises[imported.exercise.id];
  if (!exercise || !key) return 'missing from the compiled course';
  const language = bundle.public.course.language;
  try {
    if (exercise.type === 'choice' && key.type === 'choice') {
      for (const choice of exercise.choices) {
        const verdict = await checkAnswer({ exercise, key, answer: choice.id, language });
        const right = key.correct.includes(choice.id);
        if ((verdict.verdict === 'correct') !== right) return `choice ${choice.id} ("${choice.text}") is judged ${verdict.verdict}`;
      }
      return undefined;
    }
    if ('template' in key && key.template) {
      for (let seed = 0; seed < 12; seed += 1) {
        const variant = renderVariant(exercise, key, seed);
        const verdict = await checkAnswer({ exercise, key, answer: String(variant.answer), language, seed });
        if (verdict.verdict !== 'correct') return `for variant ${JSON.stringify(variant.variables)} the answer ${String(variant.answer)} is judged ${judged(verdict)}`;
      }
      return undefined;
    }
    const verdict = await checkAnswer({ exercise, key, answer: imported.key, language });
    return verdict.verdict === 'correct' ? undefined : `the stored answer "${imported.key}" is judged ${judged(verdict)}`;
  } catch (error) {
    return `the checker fails: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * Not part of self-consistency, but worth a teacher's eye: how the checker judges the answer typed
 * the way OATutor stores it (LaTeX, or a choice's text instead of its letter).
 */
async function writtenAsOatutorStoresIt(bundle: CourseBundle, imported: ImportedExercise): Promise<Issue[]> {
  const exercise = bundle.public.exercises.find((e) => e.id === imported.exercise.id);
  const key = bundle.keys.exercises[imported.exercise.id];
  if (!exercise || !key || imported.templated || key.type === 'text') return [];
  const language = bundle.public.course.language;
  const issues: Issue[] = [];
  try {
    const typed = exercise.type === 'choice' ? exercise.choices.map((c) => ({ text: c.text, right: key.type === 'choice' && key.correct.includes(c.id) })) : [{ text: imported.original, right: true }];
    for (const { text, right } of typed) {
      const verdict = await checkAnswer({ exercise, key, answer: text, language });
      if ((verdict.verdict === 'correct') !== right) {
        issues.push({ id: imported.oatutorId, reason: `typed as "${text}", ${right ? 'the right' : 'a wrong'} answer is judged ${judged(verdict)} by Primer's checker` });
        break;
      }
    }
  } catch {
    return issues;
  }
  return issues;
}

const ourHeader = '# Imported from OATutor by `primer import oatutor`';

/** Writes one course folder, replacing one an earlier import wrote; `diagnostics` are its course check's, run on these texts. */
async function writeCourse(course: ImportedCourse, dir: string, out: string, diagnostics: Diagnostic[]): Promise<OatutorImportReport['written'][number]> {
  const folder = path.join(out, course.id);
  const existing = await readFile(path.join(folder, 'course.yaml'), 'utf8').catch(() => undefined);
  const entries = await readdir(folder).catch(() => [] as string[]);
  if (existing !== undefined && existing.startsWith(ourHeader)) await rm(folder, { recursive: true });
  else if (entries.length > 0) throw new UsageError(`${folder} exists and was not written by \`primer import oatutor\`; choose another --out folder`);
  for (const [relative, text] of course.files) {
    const target = path.join(folder, ...relative.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text);
  }
  for (const figure of course.figures) {
    const target = path.join(folder, ...figure.to.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await cp(path.join(dir, ...figure.from.split('/')), target);
  }
  const errors = diagnostics.filter((d) => d.severity === 'error');
  for (const error of errors) console.error(formatDiagnostic({ ...error, path: path.join(folder, error.path) }));
  return { id: course.id, folder, errors: errors.length, warnings: diagnostics.length - errors.length };
}

async function readJson(file: string): Promise<{ value?: unknown; error?: string }> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return { error: `${file} is missing` };
  try {
    return { value: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch (error) {
    return { error: `${file} is not valid JSON: ${(error as Error).message}` };
  }
}

async function subfolders(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name).sort();
}

/** Reads an OATutor folder as published (CAHLR/OATutor-Content); unreadable files become reasons, not exceptions. */
export async function readOatutorFolder(dir: string): Promise<OatutorContent> {
  if (!(await stat(dir).catch(() => undefined))?.isDirectory()) throw new UsageError(`OATutor folder not found: ${dir}`);
  const plans = await readJson(path.join(dir, 'coursePlans.json'));
  if (plans.error) throw new UsageError(`${plans.error} (give the folder that holds coursePlans.json and content-pool/)`);
  const skillModel = await readJson(path.join(dir, 'skillModel.json'));
  const bkt = await readJson(path.join(dir, 'bkt-params', 'defaultBKTParams.json'));
  const pool = path.join(dir, 'content-pool');
  const problems: OatutorProblemFiles[] = [];
  for (const folder of await subfolders(pool)) {
    const base = path.join(pool, folder);
    const problem = await readJson(path.join(base, `${folder}.json`));
    const stepFolders = await subfolders(path.join(base, 'steps'));
    const steps = await Promise.all(
      stepFolders.map(async (step) => {
        const stepBase = path.join(base, 'steps', step);
        const [stepJson, pathway] = await Promise.all([readJson(path.join(stepBase, `${step}.json`)), readJson(path.join(stepBase, 'tutoring', `${step}DefaultPathway.json`))]);
        return { folder: step, step: stepJson.value, pathway: pathway.value, ...(stepJson.error ? { error: stepJson.error } : {}) };
      }),
    );
    const figures = (await readdir(path.join(base, 'figures'), { withFileTypes: true }).catch(() => [])).filter((e) => e.isFile()).map((e) => e.name);
    problems.push({ folder, problem: problem.value, steps, figures, ...(problem.error ? { error: problem.error } : {}) });
  }
  return { coursePlans: plans.value, skillModel: skillModel.value, bktParams: bkt.value, problems };
}

function printReport(report: OatutorImportReport): void {
  const list = (label: string, issues: Issue[]) => {
    if (issues.length === 0) return;
    console.log(`${label} (${issues.length}):`);
    for (const issue of issues) console.log(`  ${issue.id}: ${issue.reason}`);
  };
  list('steps not imported', report.failures);
  list('warnings', report.warnings);
  for (const course of report.written) console.log(`wrote ${course.folder}: primer course check finds ${course.errors} error${course.errors === 1 ? '' : 's'}, ${course.warnings} warning${course.warnings === 1 ? '' : 's'}`);
  console.log(`${report.courses} courses, ${report.lessons} lessons, ${report.problems} problems, ${report.steps} steps: ${report.converted} converted, ${report.selfConsistent} self-consistent, ${report.failures.length} not imported`);
}

/** A verdict for the teacher's report, in English whatever the course's language: "unparseable (the answer is empty; …)". */
function judged(verdict: Verdict): string {
  return verdict.problem ? `${verdict.verdict} (${describeProblem(verdict.problem)})` : verdict.verdict;
}
