// `npm run bench -- <name>` runs bench/<name>.ts, prints its table and writes bench/results/<name>.json.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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
const report = await run();
console.table(report.table);
for (const [key, value] of Object.entries(report.figures)) console.log(`${key}: ${value}`);
for (const note of report.notes ?? []) console.log(`note: ${note}`);
await mkdir(path.join(benchDir, 'results'), { recursive: true });
const out = path.join(benchDir, 'results', `${name}.json`);
await writeFile(out, `${JSON.stringify({ name, startedAt, node: process.version, ...report }, null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), out)}`);
