// `npm run bench -- course`: how long `primer course check` and `build` take on the sample course
// (target: under 1 s each for the files), measured in process after a warm-up run, with the
// exercise checks (templates over 1,000 seeds, code solutions) measured on their own.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { compileCourse } from '../src/course/index.js';
import { checkCourseExercises, createSandbox } from '../src/exercise/index.js';
import { readCourseFolder } from '../src/server/index.js';
import type { BenchReport } from './report.js';

const courseDir = path.resolve(import.meta.dirname, '../courses/backprop');
const runs = 10;

async function check() {
  return compileCourse(await readCourseFolder(courseDir));
}

async function build(out: string) {
  const { bundle } = await check();
  if (!bundle) throw new Error('the sample course has errors: run primer course check courses/backprop');
  await writeFile(path.join(out, 'public.json'), JSON.stringify(bundle.public, null, 2));
  await writeFile(path.join(out, 'keys.json'), JSON.stringify(bundle.keys, null, 2));
  return bundle;
}

async function time(action: () => Promise<unknown>): Promise<number[]> {
  await action(); // warm-up: module loading and JIT are not what a teacher waits for twice
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await action();
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b);
}

export default async function run(): Promise<BenchReport> {
  const out = await mkdtemp(path.join(tmpdir(), 'primer-bench-'));
  try {
    const coldStart = performance.now();
    const bundle = await build(out);
    const coldMs = performance.now() - coldStart;
    const checkMs = await time(check);
    const buildMs = await time(() => build(out));
    const exerciseMs = await time(async () => checkCourseExercises(bundle, {}));
    const sandbox = createSandbox();
    await sandbox.warmUp('python');
    const codeMs = await time(async () => checkCourseExercises(bundle, { sandbox }));
    await sandbox.close();
    const row = (name: string, samples: number[]) => ({ operation: name, medianMs: round(samples[Math.floor(samples.length / 2)]!), maxMs: round(samples.at(-1)!), targetMs: 1000 });
    return {
      figures: {
        lessons: bundle.public.lessons.length,
        exercises: bundle.public.exercises.length,
        chunks: bundle.public.chunks.length,
        firstBuildMs: round(coldMs),
        checkMedianMs: round(checkMs[Math.floor(runs / 2)]!),
        buildMedianMs: round(buildMs[Math.floor(runs / 2)]!),
        exerciseCheckMedianMs: round(exerciseMs[Math.floor(runs / 2)]!),
        codeCheckMedianMs: round(codeMs[Math.floor(runs / 2)]!),
        underTarget: checkMs[Math.floor(runs / 2)]! < 1000 && buildMs[Math.floor(runs / 2)]! < 1000,
      },
      table: [
        row('check files (read + compile)', checkMs),
        row('build (compile + write public.json, keys.json)', buildMs),
        { ...row('check exercises (templates × 1,000 seeds, keys, mistakes)', exerciseMs), targetMs: '—' },
        { ...row('check exercises + run code solutions (warm Python)', codeMs), targetMs: '—' },
      ],
      notes: [
        `${runs} runs after one warm-up, in process (Node ${process.version}); process start-up and Pyodide's cold start are not included`,
        '`primer course check` = check files + check exercises + run code; `--skip-code` leaves out the last',
      ],
    };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

const round = (ms: number) => Math.round(ms * 10) / 10;
