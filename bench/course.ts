// `npm run bench -- course`: how long `primer course check` and `build` take on the sample course
// (target: under 1 s each), measured in process after a warm-up run.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { compileCourse } from '../src/course/index.js';
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
    const row = (name: string, samples: number[]) => ({ operation: name, medianMs: round(samples[Math.floor(samples.length / 2)]!), maxMs: round(samples.at(-1)!), targetMs: 1000 });
    return {
      figures: {
        lessons: bundle.public.lessons.length,
        exercises: bundle.public.exercises.length,
        chunks: bundle.public.chunks.length,
        firstBuildMs: round(coldMs),
        checkMedianMs: round(checkMs[Math.floor(runs / 2)]!),
        buildMedianMs: round(buildMs[Math.floor(runs / 2)]!),
        underTarget: checkMs[Math.floor(runs / 2)]! < 1000 && buildMs[Math.floor(runs / 2)]! < 1000,
      },
      table: [row('check (read + compile)', checkMs), row('build (check + write public.json, keys.json)', buildMs)],
      notes: [`${runs} runs after one warm-up, in process (Node ${process.version}); process start-up is not included`],
    };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

const round = (ms: number) => Math.round(ms * 10) / 10;
