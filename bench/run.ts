// `npm run bench -- <name>` runs bench/<name>.ts, prints its table and writes bench/results/<name>.json,
// with how much CPU time the machine's cores lost to stalls just before and after, and how fast a core
// runs a fixed loop (machine/measure-machine.ts).
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describeStalls, measureLoopMs, measureMachineStalls } from './machine/measure-machine.js';
import type { Benchmark } from './report.js';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const name = process.argv[2];
const available = (await readdir(benchDir)).filter((f) => f.endsWith('.ts') && !['run.ts', 'report.ts'].includes(f)).map((f) => f.slice(0, -3));

if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <name>\navailable benchmarks: ${available.join(', ') || '(none)'}`);
  process.exit(name ? 1 : 0);
}

const run: Benchmark = (await import(pathToFileURL(path.join(benchDir, `${name}.ts`)).href)).default;
const startedAt = new Date().toISOString();
// Latency on a shared machine depends on how much of its cores the host gives it: measured around the run.
const loopMs = measureLoopMs();
const before = await measureMachineStalls();
const report = await run();
const after = await measureMachineStalls();
report.figures.machineTimeLostBeforePercent = Math.round(before.lostShare * 100);
report.figures.machineTimeLostAfterPercent = Math.round(after.lostShare * 100);
report.figures.machineLoopMs = loopMs;
report.notes = [...(report.notes ?? []), describeStalls('before the run', before), describeStalls('after the run', after)];
console.table(report.table);
for (const [key, value] of Object.entries(report.figures)) console.log(`${key}: ${value}`);
for (const note of report.notes ?? []) console.log(`note: ${note}`);
await mkdir(path.join(benchDir, 'results'), { recursive: true });
const out = path.join(benchDir, 'results', `${name}.json`);
await writeFile(out, `${JSON.stringify({ name, startedAt, node: process.version, ...report }, null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), out)}`);
