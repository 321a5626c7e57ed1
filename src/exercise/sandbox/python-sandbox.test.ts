// Python exercises against hostile code. One sandbox (one Pyodide start) serves the whole file; the
// two cases that cost a worker restart run last.
import { mkdtempSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExerciseKey, PublicExercise } from '../../course/index.js';
import { checkAnswer } from '../check-answer.js';
import { createSandbox } from './create-sandbox.js';
import type { Sandbox } from './sandbox.js';

const exercise: PublicExercise = {
  id: 'add', file: 'exercises/python.yaml', line: 1, skills: ['functions'], prompt: 'Write add(a, b).', difficulty: 1,
  hints: [], hintCount: 0, revealingHintRungs: [], minAttempts: 0, hasExplanation: false,
  type: 'code', language: 'python', starter: 'def add(a, b):\n    pass\n', tests: [{ name: 'adds small numbers' }, { name: 'works for negatives' }],
};
const key: ExerciseKey = {
  type: 'code', language: 'python', solution: 'def add(a, b):\n    return a + b\n', mistakes: [], revealingHints: [],
  tests: [
    { name: 'adds small numbers', code: 'assert add(2, 3) == 5', message: 'add(2, 3) should be 5.' },
    { name: 'works for negatives', code: 'assert add(-4, 1) == -3  # SECRET-TEST-SOURCE', message: 'Check negative numbers.' },
  ],
};

let sandbox: Sandbox;
const check = (answer: string) => checkAnswer({ exercise, key, answer, sandbox });

beforeAll(async () => {
  sandbox = createSandbox();
  await sandbox.warmUp('python');
}, 120_000);
afterAll(() => sandbox.close());

describe('Python exercises', { timeout: 60_000 }, () => {
  it('passes a correct solution and lists each test by name', async () => {
    const verdict = await check('def add(a, b):\n    return a + b\nprint("checking")');
    expect(verdict.verdict).toBe('correct');
    expect(verdict.tests).toEqual([{ name: 'adds small numbers', passed: true }, { name: 'works for negatives', passed: true }]);
    expect(verdict.output).toBe('checking\n');
  });

  it('gives partial credit with the teacher message of each failed test, never the test source', async () => {
    const verdict = await check('def add(a, b):\n    return abs(a) + b');
    expect(verdict.verdict).toBe('partially-correct');
    expect(verdict.tests?.[1]).toEqual({ name: 'works for negatives', passed: false, message: 'Check negative numbers.' });
    expect(JSON.stringify(verdict)).not.toContain('SECRET-TEST-SOURCE');
    expect(JSON.stringify(verdict)).not.toContain('assert add');
  });

  it('reports a syntax error as unparseable, with the line', async () => {
    const verdict = await check('def add(a, b)\n    return a + b');
    expect(verdict).toMatchObject({ verdict: 'unparseable', problem: { code: 'syntax-error' } });
    expect(verdict.problem?.values?.detail).toMatch(/SyntaxError.*line 1/);
  });

  it('stops an infinite loop at the time limit while the server keeps running', async () => {
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 20);
    const verdict = await check('while True:\n    pass');
    clearInterval(ticker);
    expect(verdict).toMatchObject({ verdict: 'incorrect', reason: 'time-limit' });
    expect(verdict.problem).toEqual({ code: 'time-limit', values: { seconds: 2 } });
    expect(ticks).toBeGreaterThan(5); // the event loop was never blocked
  });

  it('does not count code that swallows the interrupt and then passes', async () => {
    const verdict = await check('try:\n    while True:\n        pass\nexcept BaseException:\n    pass\ndef add(a, b):\n    return a + b');
    expect(verdict).toMatchObject({ verdict: 'incorrect', reason: 'time-limit' });
  });

  it('stops a memory bomb with a memory-limit verdict', async () => {
    for (const bomb of ['x = [0] * (10**9)', 's = "a" * (10**9)', 'x = bytearray(300 * 10**6)']) {
      const verdict = await check(bomb);
      expect(verdict, bomb).toMatchObject({ verdict: 'incorrect', reason: 'memory-limit' });
      expect(verdict.problem).toEqual({ code: 'memory-limit', values: { megabytes: 256 } });
    }
    expect((await check('def add(a, b):\n    return a + b')).verdict).toBe('correct'); // the sandbox is still usable
  });

  it('turns deep recursion into a RecursionError for the learner', async () => {
    const verdict = await check('def add(a, b):\n    return add(a, b)\n');
    expect(verdict.verdict).toBe('incorrect');
    expect(verdict.tests?.[0]?.message).toContain('RecursionError');
    const nested = await check('x = []\nfor i in range(100000):\n    x = [x]\nprint(x)');
    expect(nested.verdict).toBe('incorrect');
  });

  it('caps huge output', async () => {
    const verdict = await check('while True:\n    print("x" * 1000)');
    expect(verdict).toMatchObject({ verdict: 'incorrect', reason: 'output-limit' });
    expect(verdict.output?.length).toBeLessThanOrEqual(64 * 1024);
  });

  it('cannot read files, on the host or in the sandbox', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'primer-sandbox-'));
    const secret = path.join(folder, 'secret.txt');
    writeFileSync(secret, 'host secret');
    for (const attempt of [`print(open(${JSON.stringify(secret)}).read())`, 'import io\nprint(io.open("/etc/passwd").read())', 'import pathlib', '__builtins__["open"]("/etc/passwd")']) {
      const verdict = await check(attempt);
      expect(verdict.verdict, attempt).not.toBe('correct');
      expect(verdict.output ?? '', attempt).not.toContain('host secret');
    }
    expect(readFileSync(secret, 'utf8')).toBe('host secret');
  });

  it('refuses os, subprocess, sockets, environment and the JavaScript bridge', async () => {
    process.env.PRIMER_SANDBOX_CANARY = 'canary-value';
    const attempts = [
      'import os\nos.system("touch /tmp/primer-pwned")',
      'import subprocess\nsubprocess.run(["ls"])',
      'import socket',
      'import urllib.request\nurllib.request.urlopen("http://127.0.0.1:9")',
      'from pyodide.http import pyfetch',
      'import js\njs.process.exit(1)',
      'import pyodide_js',
      'import sys\nprint(sys.modules)',
      'print(().__class__.__base__.__subclasses__())',
      'print(getattr(len, "__self__"))',
      'exec("import os")',
      'import typing\ntyping.ForwardRef("__import__(\'os\')")._evaluate({}, {}, recursive_guard=frozenset())',
    ];
    for (const attempt of attempts) {
      const verdict = await check(`${attempt}\ndef add(a, b):\n    return a + b`);
      expect(verdict.verdict, attempt).toBe('incorrect');
      expect(verdict.problem?.values?.detail, attempt).toMatch(/not allowed|not available/);
      expect(verdict.output ?? '', attempt).not.toContain('canary-value');
    }
    expect(existsSync('/tmp/primer-pwned')).toBe(false);
    expect(process.env.PRIMER_SANDBOX_CANARY).toBe('canary-value');
  });

  it('lets learners use the allowed standard library and their own classes', async () => {
    const verdict = await check('import math\nfrom collections import Counter\nclass Adder:\n    def __init__(self):\n        self._total = 0\ndef add(a, b):\n    return int(math.fsum([a, b])) + Counter()["x"]');
    expect(verdict.verdict).toBe('correct');
  });

  it('resets the decimal context one learner changed', async () => {
    await sandbox.run({ language: 'python', code: 'import decimal\ndecimal.getcontext().prec = 2', tests: [] });
    const next = await sandbox.run({ language: 'python', code: 'from decimal import Decimal\nprint(Decimal(1) / Decimal(3))', tests: [] });
    expect(next.output).toBe('0.3333333333333333333333333333\n');
  });

  it('keeps one learner\'s changes to shared modules from reaching the next learner', async () => {
    await check('import collections\ncollections.Counter.most_common = lambda self, n=None: "hacked"\ndef add(a, b):\n    return a + b');
    const next = await sandbox.run({ language: 'python', code: 'import collections\nprint(collections.Counter("aab").most_common(1))', tests: [] });
    expect(next.output).toBe("[('a', 2)]\n");
  }, 120_000);

  it('recovers after code that ignores the interrupt is killed', async () => {
    const stubborn = await check('while True:\n    try:\n        while True:\n            pass\n    except BaseException:\n        pass');
    expect(stubborn).toMatchObject({ verdict: 'incorrect', reason: 'time-limit' });
    expect((await check('def add(a, b):\n    return a + b')).verdict).toBe('correct');
  }, 120_000);
});
