// Code answers: run the learner's code and then every hidden test in the sandbox. The verdict lists
// each test by name with the teacher's message; the test's source never leaves the key.
import type { ExerciseKey } from '../course/index.js';
import { expecting } from './answer-problem.js';
import type { CodeLimits, CodeRunResult, Sandbox } from './sandbox/sandbox.js';
import { defaultLimits } from './sandbox/sandbox.js';
import { unparseable, type TestResult, type Verdict } from './verdict.js';

type CodeKey = Extract<ExerciseKey, { type: 'code' }>;

/** Judges learner code against the hidden tests of `key`. */
export async function checkCode(sandbox: Sandbox, key: CodeKey, code: string, limits: Partial<CodeLimits> = {}): Promise<Verdict> {
  if (code.trim() === '') return unparseable(expecting({ code: 'empty' }, 'code', { language: key.language === 'python' ? 'Python' : 'JavaScript' }));
  const run = await sandbox.run({ language: key.language, code, tests: key.tests.map(({ name, code: testCode }) => ({ name, code: testCode })), limits });
  return verdictFromRun(key, run, { ...defaultLimits, ...limits });
}

/** Turns a sandbox run into a verdict a learner can act on. */
export function verdictFromRun(key: CodeKey, run: CodeRunResult, limits: CodeLimits): Verdict {
  const tests: TestResult[] = key.tests.map((test, index) => {
    const result = run.tests[index];
    if (result?.passed && run.status === 'ok') return { name: test.name, passed: true };
    const detail = result?.error && result.error !== 'not run' ? ` (${result.error})` : '';
    return { name: test.name, passed: false, message: `${test.message}${detail}` };
  });
  const output = run.output ? { output: run.output } : {};
  switch (run.status) {
    case 'syntax-error':
      return { verdict: 'unparseable', problem: { code: 'syntax-error', values: { detail: run.error ?? 'syntax error' } }, tests, ...output };
    case 'time-limit':
      return { verdict: 'incorrect', reason: 'time-limit', problem: { code: 'time-limit', values: { seconds: limits.timeMs / 1000 } }, tests, ...output };
    case 'memory-limit':
      return { verdict: 'incorrect', reason: 'memory-limit', problem: { code: 'memory-limit', values: { megabytes: Math.round(limits.memoryBytes / 1024 / 1024) } }, tests, ...output };
    case 'output-limit':
      return { verdict: 'incorrect', reason: 'output-limit', problem: { code: 'output-limit', values: { kilobytes: Math.round(limits.outputBytes / 1024) } }, tests, ...output };
    case 'crashed':
      return { verdict: 'incorrect', problem: { code: 'crashed' }, tests, ...output };
    case 'ok':
      break;
  }
  const passed = tests.filter((test) => test.passed).length;
  const verdict = passed === tests.length ? 'correct' : passed === 0 ? 'incorrect' : 'partially-correct';
  return { verdict, ...(run.error ? { problem: { code: 'raised-error', values: { detail: run.error } } } : {}), tests, ...output };
}
