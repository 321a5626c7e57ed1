// The sample course is what every later feature is shown on: it must check clean, build, and
// keep every answer out of what learners see.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileCourse, type CourseBundle, type ExerciseKey } from '../src/course/index.js';
import { readCourseFolder } from '../src/server/index.js';
import { runCli } from './cli-run.js';

const courseDir = path.resolve(import.meta.dirname, '../courses/backprop');
const out = await mkdtemp(path.join(tmpdir(), 'primer-sample-'));
afterAll(() => rm(out, { recursive: true, force: true }));
const { bundle } = compileCourse(await readCourseFolder(courseDir)) as { bundle: CourseBundle };

describe('courses/backprop', () => {
  it('checks clean: no errors and no warnings', async () => {
    expect(await runCli(['course', 'check', courseDir])).toEqual({ code: 0, output: '0 errors, 0 warnings' });
  });

  it('builds public.json and keys.json', async () => {
    const { code } = await runCli(['course', 'build', courseDir, '--out', out]);
    expect(code).toBe(0);
    const written = JSON.parse(await readFile(path.join(out, 'public.json'), 'utf8'));
    const keys = JSON.parse(await readFile(path.join(out, 'keys.json'), 'utf8'));
    expect(written.hash).toBe(bundle.public.hash);
    expect(Object.keys(keys.exercises).sort()).toEqual(bundle.public.exercises.map((e) => e.id).sort());
  });

  it('is a full course: 6–8 lessons, 8–15 skills, 40+ exercises of every type, hint ladders of 2–4 rungs, a glossary', () => {
    const { lessons, exercises, course } = bundle.public;
    expect(lessons.length).toBeGreaterThanOrEqual(6);
    expect(lessons.length).toBeLessThanOrEqual(8);
    expect(course.skills.length).toBeGreaterThanOrEqual(8);
    expect(course.skills.length).toBeLessThanOrEqual(15);
    expect(exercises.length).toBeGreaterThanOrEqual(40);
    const count = (type: string) => exercises.filter((e) => e.type === type).length;
    for (const type of ['choice', 'numeric', 'expression', 'text', 'free-response', 'code']) expect(count(type), type).toBeGreaterThan(0);
    expect(exercises.filter((e) => e.type === 'choice' && e.multiple).length).toBeGreaterThan(0);
    expect(exercises.filter((e) => e.type === 'code' && e.language === 'python').length).toBeGreaterThanOrEqual(6);
    expect(exercises.filter((e) => e.type === 'numeric' && e.template).length).toBeGreaterThanOrEqual(6);
    for (const exercise of exercises) expect(exercise.hintCount, exercise.id).toBeGreaterThanOrEqual(2);
    for (const exercise of exercises) expect(exercise.hintCount, exercise.id).toBeLessThanOrEqual(4);
    const withMistakes = exercises.filter((e) => bundle.keys.exercises[e.id]!.mistakes.length > 0 || e.type === 'code');
    expect(withMistakes.length / exercises.length).toBeGreaterThan(0.5);
    expect(course.glossary.length).toBeGreaterThan(0);
  });

  // The key-separation test. A key is secret in one of two ways:
  // - long secrets (solutions, hidden tests, revealing hints, explanations, reference answers,
  //   mistake feedback) must not appear anywhere in public.json;
  // - short answers (a number, an expression, an accepted word) are common tokens elsewhere in a
  //   course, so they must not appear in the exercise's own public entry (prompt, hints, choices),
  //   and no public exercise may carry a field that marks which choice is right.
  it('keeps every key out of public.json', () => {
    const publicText = normalise(strings(bundle.public).join('\n'));
    for (const exercise of bundle.public.exercises) {
      const key = bundle.keys.exercises[exercise.id]!;
      for (const secret of longSecrets(key)) {
        expect(publicText.includes(normalise(secret)), `${exercise.id}: "${secret.slice(0, 60)}…" is in public.json`).toBe(false);
      }
      const own = normalise(strings({ ...exercise, id: undefined, file: undefined, skills: undefined, lesson: undefined }).join('\n'));
      for (const answer of shortAnswers(key)) {
        const token = new RegExp(`(^|[^\\w.])${escapeRegExp(normalise(answer))}($|[^\\w.])`);
        expect(token.test(own), `${exercise.id}: answer "${answer}" appears in its own prompt, hints or choices`).toBe(false);
      }
      expect(Object.keys(exercise)).not.toEqual(expect.arrayContaining(['answer']));
      if (exercise.type === 'choice') expect(exercise.choices.every((c) => Object.keys(c).sort().join() === 'id,text')).toBe(true);
    }
  });
});

function longSecrets(key: ExerciseKey): string[] {
  const secrets = [...key.revealingHints.map((h) => h.text), ...key.mistakes.map((m) => m.feedback), key.explanation ?? ''];
  if (key.type === 'code') secrets.push(key.solution, ...key.tests.map((t) => t.code));
  if (key.type === 'free-response') secrets.push(key.reference);
  if ((key.type === 'numeric' || key.type === 'expression') && key.template) secrets.push(key.template.solution);
  return secrets.filter((s) => s.trim().length >= 12);
}

function shortAnswers(key: ExerciseKey): string[] {
  if (key.type === 'numeric' && key.answer !== undefined) return [String(key.answer)];
  if (key.type === 'expression' && key.answer) return [key.answer];
  if (key.type === 'text') return key.accept;
  return [];
}

/** Every string inside a JSON value, so secrets are compared with text as a learner would get it. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
