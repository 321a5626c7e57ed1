// `npm run bench -- checkers`: throughput of numeric, expression and Python-code checks, Pyodide cold
// and warm start, and the latency of a warm Python check of a small function (target: under 50 ms).
import type { ExerciseKey, PublicExercise } from '../src/course/index.js';
import { checkAnswer, createSandbox } from '../src/exercise/index.js';
import type { BenchReport } from './report.js';

const base = { file: 'bench.yaml', line: 1, skills: ['s'], prompt: 'Q', difficulty: 2, hints: [], hintCount: 0, revealingHintRungs: [], minAttempts: 0, hasExplanation: false };

const numeric: PublicExercise = { ...base, id: 'numeric', type: 'numeric', unit: 'm/s' };
const numericKey: ExerciseKey = { type: 'numeric', answer: 3, unit: 'm/s', tolerance: { relative: 0.001 }, mistakes: [{ answer: 30, feedback: 'Check the units.', misconception: 'units' }], revealingHints: [] };
const numericAnswers = ['3', '10.8 km/h', '3,0', '300 cm/s', '6/2', '2.9', '30'];

const expression: PublicExercise = { ...base, id: 'expression', type: 'expression', variables: ['x'], form: 'any' };
const expressionKey: ExerciseKey = { type: 'expression', answer: '2*x*cos(x^2)', variables: { x: [-2, 2] }, form: 'any', mistakes: [{ answer: 'cos(x^2)', feedback: 'Inner derivative.', misconception: 'chain' }], revealingHints: [] };
const expressionAnswers = ['2x cos(x^2)', 'cos(x**2)*2*x', '2x\\cos\\left(x^{2}\\right)', 'cos(x^2)', 'sin(x^2)'];

const code: PublicExercise = { ...base, id: 'code', type: 'code', language: 'python', starter: '', tests: [{ name: 'small' }, { name: 'negative' }, { name: 'zero' }] };
const codeKey: ExerciseKey = {
  type: 'code', language: 'python', solution: 'def square(x):\n    return x * x', mistakes: [], revealingHints: [],
  tests: [
    { name: 'small', code: 'assert square(3) == 9', message: 'square(3) should be 9' },
    { name: 'negative', code: 'assert square(-2) == 4', message: 'square(-2) should be 4' },
    { name: 'zero', code: 'assert square(0) == 0', message: 'square(0) should be 0' },
  ],
};

async function throughput(count: number, check: (index: number) => Promise<unknown>): Promise<{ perSecond: number; meanMs: number; p95Ms: number }> {
  const times: number[] = [];
  const began = performance.now();
  for (let index = 0; index < count; index++) {
    const start = performance.now();
    await check(index);
    times.push(performance.now() - start);
  }
  const total = performance.now() - began;
  times.sort((a, b) => a - b);
  return { perSecond: round((count / total) * 1000), meanMs: round(total / count), p95Ms: round(times[Math.floor(times.length * 0.95)] ?? 0) };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export default async function checkers(): Promise<BenchReport> {
  const table: Record<string, number | string>[] = [];
  const numericRun = await throughput(2000, (index) => checkAnswer({ exercise: numeric, key: numericKey, answer: numericAnswers[index % numericAnswers.length] ?? '3', language: index % 2 ? 'de' : 'en' }));
  table.push({ check: 'numeric (units, separators, mistakes)', checks: 2000, ...numericRun });
  const expressionRun = await throughput(500, (index) => checkAnswer({ exercise: expression, key: expressionKey, answer: expressionAnswers[index % expressionAnswers.length] ?? 'x' }));
  table.push({ check: 'expression (40 points, LaTeX, mistakes)', checks: 500, ...expressionRun });

  const sandbox = createSandbox();
  const coldMs = round(await sandbox.warmUp('python'));
  table.push({ check: 'Pyodide cold start (worker + stdlib + sandbox setup)', checks: 1, perSecond: 0, meanMs: coldMs, p95Ms: coldMs });
  const answers = ['def square(x):\n    return x * x', 'def square(x):\n    return x + x', 'def square(x):\n    return x ** 2'];
  const first = await checkAnswer({ exercise: code, key: codeKey, answer: answers[0] ?? '', sandbox });
  const wrong = await checkAnswer({ exercise: code, key: codeKey, answer: answers[1] ?? '', sandbox });
  if (first.verdict !== 'correct' || wrong.verdict !== 'partially-correct') throw new Error(`unexpected verdicts: ${first.verdict}, ${wrong.verdict}`);
  const pythonRun = await throughput(200, (index) => checkAnswer({ exercise: code, key: codeKey, answer: answers[index % answers.length] ?? '', sandbox }));
  table.push({ check: 'Python code, warm (3 hidden tests)', checks: 200, ...pythonRun });
  // code that imports a module also pays for the check that shared classes were not changed
  const withImport = 'import math\ndef square(x):\n    return math.prod([x, x])';
  if ((await checkAnswer({ exercise: code, key: codeKey, answer: withImport, sandbox })).verdict !== 'correct') throw new Error('the import variant failed');
  const importRun = await throughput(100, () => checkAnswer({ exercise: code, key: codeKey, answer: withImport, sandbox }));
  table.push({ check: 'Python code with an import, warm', checks: 100, ...importRun });
  await sandbox.close();

  // A second cold start after the first: the second worker of a long-running server.
  const again = createSandbox();
  const secondColdMs = round(await again.warmUp('python'));
  await again.close();
  table.push({ check: 'Pyodide cold start, again', checks: 1, perSecond: 0, meanMs: secondColdMs, p95Ms: secondColdMs });

  return {
    figures: {
      numericChecksPerSecond: numericRun.perSecond,
      expressionChecksPerSecond: expressionRun.perSecond,
      pythonChecksPerSecond: pythonRun.perSecond,
      pyodideColdStartMs: coldMs,
      warmPythonCheckMeanMs: pythonRun.meanMs,
      warmPythonCheckP95Ms: pythonRun.p95Ms,
      warmPythonCheckWithImportMeanMs: importRun.meanMs,
      warmPythonTargetMs: 50,
      warmPythonUnderTarget: pythonRun.meanMs < 50 && importRun.meanMs < 50,
    },
    table,
    notes: [
      'Sequential checks on one thread; the Python sandbox is one warm Pyodide worker.',
      'A warm Python check includes posting to the worker, running the learner code and 3 hidden tests, and the module-change fingerprint.',
      `Machine: ${process.platform} ${process.arch}, Node ${process.version}; load from other processes affects every figure.`,
    ],
  };
}
