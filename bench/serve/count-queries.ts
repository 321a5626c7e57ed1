// Developer tool (not part of `npm run bench`): counts the SQL statements one guest's tutor turns
// run against an in-process server on PGlite, and the process's CPU time per turn. `node --import tsx bench/serve/count-queries.ts [turns]`
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import { Worker } from 'node:worker_threads';
import { startServer } from '../../src/server/start-server.js';
import { startOpenAITestServer } from '../../src/models/index.js';
import { instantReply } from './model-process.js';

const turns = Number(process.argv[2] ?? 20);
const profileTo = process.argv[3]; // a .cpuprofile path: profiles the counted turns
const counts = new Map<string, number>();
let counting = false;
// PGlite runs on a worker thread (src/store/pglite-worker.mjs): each statement is one message to it.
const original = Worker.prototype.postMessage;
Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
  const sql = (message as { sql?: unknown } | null)?.sql;
  if (counting && typeof sql === 'string') {
    const key = sql.replace(/\s+/g, ' ').slice(0, 110);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return original.call(this, message, ...(rest as []));
} as typeof original;

const workDir = await mkdtemp(path.join(tmpdir(), 'primer-count-'));
const model = await startOpenAITestServer({ respond: () => ({ reply: instantReply, chunkSize: 16 }) });
const chain = '{ chain: [{ provider: instant, model: instant }] }';
await writeFile(path.join(workDir, 'primer.config.yaml'), `models:\n  providers:\n    instant: { type: openai-compatible, baseURL: ${model.url} }\n  tiers:\n    local: ${chain}\n    standard: ${chain}\n    frontier: ${chain}\n`);
const server = await startServer({ course: [path.resolve(import.meta.dirname, '../../courses/backprop')], config: path.join(workDir, 'primer.config.yaml'), data: path.join(workDir, 'data'), port: 0, web: { built: path.join(workDir, 'none') }, log: () => {}, app: { limits: { signInPerMinute: 1_000_000, requestsPerMinute: 1_000_000 } }, backups: false });
let cookie = '';
const signIn = async () => {
  const guest = await fetch(`${server.url}/api/auth/guest`, { method: 'POST', headers: { origin: server.url } });
  cookie = guest.headers.get('set-cookie')!.split(';')[0]!;
};
const turn = async (index: number) => {
  if (index % 10 === 0) await signIn(); // a new guest every 10 turns, below the 20 turns per minute
  const response = await fetch(`${server.url}/api/courses/backprop/turns`, { method: 'POST', headers: { origin: server.url, cookie, 'content-type': 'application/json' }, body: JSON.stringify({ turnId: `count-${index}`, text: index % 2 ? 'Why does the chain rule multiply the derivatives?' : 'Can you give me an example with numbers?' }) });
  const text = await response.text();
  if (response.status !== 200 || !text.includes('"type":"finish"')) throw new Error(`turn ${index}: HTTP ${response.status} ${text.slice(0, 200)}`);
};
for (let index = 0; index < 10; index++) await turn(index); // warm up
counting = true;
const inspector = new Session();
if (profileTo) {
  inspector.connect();
  await inspector.post('Profiler.enable');
  await inspector.post('Profiler.start');
}
const cpu = process.cpuUsage();
const started = performance.now();
for (let index = 10; index < 10 + turns; index++) await turn(index);
const used = process.cpuUsage(cpu);
counting = false;
if (profileTo) await writeFile(profileTo, JSON.stringify((await inspector.post('Profiler.stop')).profile));
const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
console.log(`${turns} turns: ${(total / turns).toFixed(2)} SQL statements per turn; ${((used.user + used.system) / 1000 / turns).toFixed(1)} ms CPU per turn (server, model and client in one process); ${((performance.now() - started) / turns).toFixed(1)} ms wall per turn`);
for (const [key, count] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`${(count / turns).toFixed(2).padStart(6)}  ${key}`);
await server.close();
await model.close();
await rm(workDir, { recursive: true, force: true });
