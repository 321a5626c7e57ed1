// Reading OATutor's files, already parsed from JSON: each problem with its steps and hint pathways,
// and the course-wide files, validated against OATutor's schemas. What does not validate is left out
// and listed with a reason (a step as a failure, anything else as a warning).
import { z } from 'zod';
import type { Issue } from './build-exercises.js';
import { hintSchema, problemSchema, stepSchema, type OatutorHint, type OatutorProblem, type OatutorStep } from './oatutor-schema.js';

export interface OatutorStepFiles {
  folder: string; // the step id as a folder name
  step?: unknown; // parsed <step>.json
  pathway?: unknown; // parsed tutoring/<step>DefaultPathway.json; absent when there is none
  error?: string; // why the step could not be read, if it could not
}

export interface OatutorProblemFiles {
  folder: string;
  problem?: unknown; // parsed <problem>.json
  error?: string;
  steps: OatutorStepFiles[];
  figures?: readonly string[]; // names of the files in content-pool/<problem>/figures/
}

export interface LoadedProblem {
  folder: string;
  problem: OatutorProblem;
  steps: { folder: string; step: OatutorStep; pathway: OatutorHint[] }[];
  figures: readonly string[];
}

export const naturalOrder = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

export function loadProblem(files: OatutorProblemFiles, failures: Issue[], warn: (issue: Issue) => void): LoadedProblem | undefined {
  const failAll = (reason: string) => {
    for (const step of files.steps) failures.push({ id: step.folder, reason });
    if (files.steps.length === 0) warn({ id: files.folder, reason });
  };
  if (files.error !== undefined) return failAll(`problem ${files.folder}: ${files.error}`), undefined;
  const parsed = problemSchema.safeParse(files.problem);
  if (!parsed.success) return failAll(`problem ${files.folder} is not a valid OATutor problem: ${describeIssue(parsed.error)}`), undefined;
  if (files.steps.length === 0) warn({ id: files.folder, reason: 'the problem has no steps' });
  const steps: LoadedProblem['steps'] = [];
  for (const stepFiles of [...files.steps].sort((a, b) => naturalOrder(a.folder, b.folder))) {
    if (stepFiles.error !== undefined) {
      failures.push({ id: stepFiles.folder, reason: stepFiles.error });
      continue;
    }
    const step = stepSchema.safeParse(stepFiles.step);
    if (!step.success) {
      failures.push({ id: stepFiles.folder, reason: `not a valid OATutor step: ${describeIssue(step.error)}` });
      continue;
    }
    let pathway: OatutorHint[] = [];
    if (stepFiles.pathway !== undefined) {
      const hints = z.array(z.unknown()).safeParse(stepFiles.pathway);
      for (const [index, raw] of (hints.success ? hints.data : []).entries()) {
        const hint = hintSchema.safeParse(raw);
        if (hint.success) pathway.push(hint.data);
        else warn({ id: `${step.data.id} hint ${index + 1}`, reason: `not a valid OATutor hint, left out: ${describeIssue(hint.error)}` });
      }
      if (!hints.success) warn({ id: step.data.id, reason: 'the hint pathway is not a list; no hints imported' });
    }
    steps.push({ folder: stepFiles.folder, step: step.data, pathway });
  }
  return { folder: files.folder, problem: parsed.data, steps, figures: files.figures ?? [] };
}

export function parseEach<T>(value: unknown, schema: z.ZodType<T>, where: string, warn: (issue: Issue) => void): T[] {
  if (!Array.isArray(value)) {
    warn({ id: where, reason: 'expected a list of courses; no course imported' });
    return [];
  }
  return value.flatMap((item, index) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) return [parsed.data];
    warn({ id: `${where} course ${index + 1}`, reason: `not a valid OATutor course plan, left out: ${describeIssue(parsed.error)}` });
    return [];
  });
}

export function parseOr<T>(value: unknown, schema: z.ZodType<T>, fallback: T, where: string, warn: (issue: Issue) => void): T {
  if (value === undefined) {
    warn({ id: where, reason: 'not found; imported without it' });
    return fallback;
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  warn({ id: where, reason: `not valid, imported without it: ${describeIssue(parsed.error)}` });
  return fallback;
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}` : 'unknown problem';
}
