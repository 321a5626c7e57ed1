// A small course with one problem of each kind `primer course check` must report, compiled by the
// real course compiler so the diagnostics point at the teacher's file and line.
import { afterAll, describe, expect, it } from 'vitest';
import { compileCourse, type CourseBundle } from '../course/index.js';
import { checkCourseExercises } from './check-course-exercises.js';
import { createJavaScriptSandbox } from './sandbox/javascript-sandbox.js';
import type { Sandbox } from './sandbox/sandbox.js';

const courseYaml = `id: checks
title: Checks
language: en
authors: [Primer tests]
license: CC-BY-4.0
skills:
  - id: algebra
    title: Algebra
    description: Work with expressions.
`;

const exercisesYaml = `exercises:
  - id: sound
    type: numeric
    skills: [algebra]
    hints: [Think about it.]
    prompt: What is {{a}} / {{b}}?
    template:
      variables:
        a: { min: 1, max: 9 }
        b: { min: 1, max: 5 }
      constraints: ["a != b"]
      solution: a / b
    tolerance: { absolute: 0.001 }
    mistakes:
      - answer: b / a
        feedback: Upside down.
        misconception: inverted-fraction

  - id: one-variant
    type: numeric
    skills: [algebra]
    hints: [Think about it.]
    prompt: What is {{a}} squared?
    template:
      variables:
        a: { min: 3, max: 4 }
      constraints: ["a > 3"]
      solution: a^2

  - id: coinciding-mistake
    type: numeric
    skills: [algebra]
    hints: [Think about it.]
    prompt: What is {{a}} / {{b}}?
    template:
      variables:
        a: { min: 1, max: 9 }
        b: { min: 1, max: 5 }
      solution: a / b
    tolerance: { absolute: 0.001 }
    mistakes:
      - answer: b / a
        feedback: Upside down.
        misconception: inverted-fraction

  - id: divides-by-zero
    type: numeric
    skills: [algebra]
    hints: [Think about it.]
    prompt: What is {{a}} / {{b}}?
    template:
      variables:
        a: { min: 1, max: 9 }
        b: { min: 0, max: 5 }
      solution: a / b

  - id: broken-key
    type: expression
    skills: [algebra]
    hints: [Think about it.]
    prompt: Simplify x + x.
    answer: 2 * * x
    variables: { x: [-2, 2] }

  - id: mistake-is-right
    type: expression
    skills: [algebra]
    hints: [Think about it.]
    prompt: Differentiate x^2.
    answer: 2x
    variables: { x: [-2, 2] }
    mistakes:
      - answer: x + x
        feedback: Right, actually.
        misconception: none

  - id: js-broken-solution
    type: code
    language: javascript
    skills: [algebra]
    hints: [Think about it.]
    prompt: Write double(x).
    solution: "function double(x) { return x + 2 }"
    tests:
      - name: doubles 3
        code: "if (double(3) !== 6) throw new Error('no')"
        message: double(3) should be 6.

  - id: js-good-solution
    type: code
    language: javascript
    skills: [algebra]
    hints: [Think about it.]
    prompt: Write double(x).
    solution: "function double(x) { return 2 * x }"
    tests:
      - name: doubles 3
        code: "if (double(3) !== 6) throw new Error('no')"
        message: double(3) should be 6.
`;

const lesson = `---
id: intro
title: Introduction
skills: [algebra]
minutes: 5
---

# Introduction

Some algebra.
`;

function compile(): CourseBundle {
  const result = compileCourse(new Map([['course.yaml', courseYaml], ['lessons/01-intro.md', lesson], ['exercises/practice.yaml', exercisesYaml]]));
  expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  if (!result.bundle) throw new Error('the test course did not compile');
  return result.bundle;
}

const javascript = createJavaScriptSandbox();
const sandbox: Sandbox = { run: (request) => javascript.run(request.code, request.tests, request.limits), warmUp: () => javascript.warmUp(), close: () => javascript.close() };
afterAll(() => sandbox.close());

describe('checkCourseExercises', () => {
  it('reports each broken exercise at its file and line, with a hint, and nothing for sound ones', async () => {
    const diagnostics = await checkCourseExercises(compile(), { sandbox });
    const byExercise = (id: string) => diagnostics.filter((diagnostic) => diagnostic.message.startsWith(`exercise ${id}:`));
    expect(byExercise('sound')).toEqual([]);
    expect(byExercise('js-good-solution')).toEqual([]);

    const zero = byExercise('divides-by-zero');
    expect(zero).toHaveLength(1);
    const line = exercisesYaml.split('\n').findIndex((text) => text.includes('id: divides-by-zero')) + 1;
    expect(zero[0]).toMatchObject({ path: 'exercises/practice.yaml', line, severity: 'error' });
    expect(zero[0]?.message).toMatch(/Infinity with a = \d, b = 0 .*seed \d+ and \d+ more/);

    expect(byExercise('one-variant')).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringContaining('draws the same numbers every time') })]);
    expect(byExercise('coinciding-mistake')[0]).toMatchObject({ severity: 'warning' });
    expect(byExercise('coinciding-mistake')[0]?.message).toMatch(/"b \/ a" \(inverted-fraction\) equals the right answer in \d+ of 20 variants/);
    expect(byExercise('broken-key')[0]?.message).toContain('does not parse');
    expect(byExercise('mistake-is-right')[0]?.message).toContain('"x + x" (none) is judged correct');
    const code = byExercise('js-broken-solution')[0];
    expect(code?.message).toContain('the solution fails its own tests "doubles 3"');
    for (const diagnostic of diagnostics) expect(diagnostic.hint).toBeTruthy();
  }, 60_000);

  it('skips running code when no sandbox is given', async () => {
    const diagnostics = await checkCourseExercises(compile(), { seeds: 50 });
    expect(diagnostics.some((diagnostic) => diagnostic.message.includes('js-broken-solution'))).toBe(false);
    expect(diagnostics.some((diagnostic) => diagnostic.message.includes('divides-by-zero'))).toBe(true);
  });
});
