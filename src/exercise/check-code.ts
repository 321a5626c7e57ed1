// Code answers: run the learner's code and then every hidden test in the sandbox. The verdict lists
// each test by name with the teacher's message; the test's source never leaves the key.
import type { ExerciseKey } from '../course/index.js';
import type { CodeLimits, CodeRunResult, Sandbox } from './sandbox/sandbox.js';
import { defaultLimits } from './sandbox/sandbox.js';
import type { TestResult, Verdict } from './verdict.js';

type CodeKey = Extract<ExerciseKey, { type: 'code' }>;

/** Judges learner code against the hidden tests of `key`. */
export async function checkCode(sandbox: Sandbox, key: CodeKey, code: string, limits: Partial<CodeLimits> = {}): Promise<Verdict> {
  if (code.trim() === '') return { verdict: 'unparseable', message: `the answer is empty; write ${key.language === 'python' ? 'Python' : 'JavaScript'} code` };
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
      return { verdict: 'unparseable', message: `Your code does not parse: ${run.error ?? 'syntax error'}`, tests, ...output };
    case 'time-limit':
      return { verdict: 'incorrect', reason: 'time-limit', message: `Your code ran longer than ${limits.timeMs / 1000} s and was stopped. Look for a loop that never ends or very slow work.`, tests, ...output };
    case 'memory-limit':
      return { verdict: 'incorrect', reason: 'memory-limit', message: `Your code used more memory than the ${Math.round(limits.memoryBytes / 1024 / 1024)} MB allowed and was stopped.`, tests, ...output };
    case 'output-limit':
      return { verdict: 'incorrect', reason: 'output-limit', message: `Your code printed more than ${Math.round(limits.outputBytes / 1024)} KB and was stopped.`, tests, ...output };
    case 'crashed':
      return { verdict: 'incorrect', message: 'Your code stopped the sandbox it ran in (for example by recursing too deeply).', tests, ...output };
    case 'ok':
      break;
  }
  const passed = tests.filter((test) => test.passed).length;
  const message = run.error ? `Your code raised an error: ${run.error}` : undefined;
  const verdict = passed === tests.length ? 'correct' : passed === 0 ? 'incorrect' : 'partially-correct';
  return { verdict, ...(message ? { message } : {}), tests, ...output };
}
