// JavaScript exercises in QuickJS against hostile code. One sandbox serves the whole file.
import { afterAll, describe, expect, it } from 'vitest';
import type { ExerciseKey, PublicExercise } from '../../course/index.js';
import { checkAnswer } from '../check-answer.js';
import { createJavaScriptSandbox } from './javascript-sandbox.js';
import type { Sandbox } from './sandbox.js';

const exercise: PublicExercise = {
  id: 'add-js', file: 'exercises/js.yaml', line: 1, skills: ['functions'], prompt: 'Write add(a, b).', difficulty: 1,
  hints: [], hintCount: 0, revealingHintRungs: [], minAttempts: 0, hasExplanation: false,
  type: 'code', language: 'javascript', starter: '', tests: [{ name: 'adds' }, { name: 'negatives' }],
};
const key: ExerciseKey = {
  type: 'code', language: 'javascript', solution: 'function add(a, b) { return a + b }', mistakes: [], revealingHints: [],
  tests: [
    { name: 'adds', code: 'if (add(2, 3) !== 5) throw new Error("SECRET-TEST-SOURCE")', message: 'add(2, 3) should be 5.' },
    { name: 'negatives', code: 'const r = add(-4, 1); if (r !== -3) throw new Error("got " + r)', message: 'Check negative numbers.' },
  ],
};

const javascript = createJavaScriptSandbox();
const sandbox: Sandbox = {
  run: (request) => javascript.run(request.code, request.tests, request.limits),
  warmUp: () => javascript.warmUp(),
  close: () => javascript.close(),
};
const check = (answer: string) => checkAnswer({ exercise, key, answer, sandbox });
afterAll(() => sandbox.close());

describe('JavaScript exercises', { timeout: 30_000 }, () => {
  it('passes a correct solution, captures console output, and keeps tests separate', async () => {
    const verdict = await check('function add(a, b) { return a + b }\nconsole.log("sum", add(1, 2), { ok: true })');
    expect(verdict.verdict).toBe('correct');
    expect(verdict.output).toBe('sum 3 {"ok":true}\n');
  });

  it('gives partial credit with teacher messages only', async () => {
    const verdict = await check('const add = (a, b) => Math.abs(a) + b');
    expect(verdict.verdict).toBe('partially-correct');
    expect(verdict.tests?.[1]).toEqual({ name: 'negatives', passed: false, message: 'Check negative numbers.' });
    expect(JSON.stringify(verdict)).not.toContain('SECRET-TEST-SOURCE');
  });

  it('reports a syntax error as unparseable', async () => {
    expect((await check('function add(a, b {')).verdict).toBe('unparseable');
  });

  it('stops an infinite loop without blocking the server', async () => {
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 20);
    const verdict = await check('while (true) {}');
    clearInterval(ticker);
    expect(verdict).toMatchObject({ verdict: 'incorrect', reason: 'time-limit' });
    expect(ticks).toBeGreaterThan(5);
  });

  it('stops deep recursion and huge output with clear verdicts', async () => {
    const recursion = await check('function add(a, b) { return add(a, b) }');
    expect(recursion.verdict).toBe('incorrect');
    expect(recursion.tests?.[0]?.message).toContain('stack overflow');
    expect(await check('while (true) console.log("x".repeat(1000))')).toMatchObject({ verdict: 'incorrect', reason: 'output-limit' });
  });

  it('stops a memory bomb', async () => {
    const verdict = await check('const s = []; while (true) s.push("x".repeat(1 << 20) + s.length)');
    expect(verdict.verdict).toBe('incorrect');
    expect(verdict.reason).toMatch(/^(memory|time)-limit$/);
  }, 30_000);

  it('has no host access: no require, process, fetch, files or modules', async () => {
    const verdict = await check([
      'console.log(typeof require, typeof process, typeof fetch, typeof std, typeof os, typeof globalThis.Deno)',
      'let imported = "no"; import("fs").then(() => { imported = "yes" }, () => {});',
      'function add(a, b) { return a + b }',
    ].join('\n'));
    expect(verdict.output).toBe('undefined undefined undefined undefined undefined undefined\n');
    expect(verdict.verdict).toBe('correct');
    const escape = await check('Function("return process")().exit(1)');
    expect(escape.verdict).toBe('incorrect');
    expect(escape.problem?.values?.detail).toMatch(/ReferenceError: 'process' is not defined/);
  });

  it('recovers after a run was killed', async () => {
    expect((await check('function add(a, b) { return a + b }')).verdict).toBe('correct');
  });
});
