// `npm run bench -- serve [--learners 2000] [--seconds 180] [--ramp 30] [--only pglite|postgres] [--profile]`:
// many guest learners streaming tutor turns at once against real Primer servers in child processes
// (startServer, the sample course, an instant OpenAI-compatible model in its own process).
// Reports the added time to first token (client-measured TTFT minus the model's own TTFT) p50 / p99,
// the servers' peak resident memory, turns per second and errors; targets p99 ≤ 50 ms, RSS ≤ 1.5 GB.
// Runs once on PGlite (one server) and once with two servers on PostgreSQL (a database of its own).
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { BenchReport } from './report.js';
import { runLearnerLoad } from './serve/learner-load.js';
import { measureModelFirstToken } from './serve/model-first-token.js';
import { sampleProcess, watchProcess } from './serve/process-sampler.js';
import type { ServerHealth, ServerProcessSettings } from './serve/server-process.js';

const here = import.meta.dirname;
const courseDir = path.resolve(here, '../courses/backprop');
const postgresAdminUrl = 'postgres://postgres@127.0.0.1:5432/test';
const benchDatabase = 'primer_bench_serve';
const targets = { addedFirstTokenP99Ms: 50, peakRssMb: 1536 };

interface Scenario {
  name: 'pglite' | 'postgres';
  servers: number;
}

export default async function run(): Promise<BenchReport> {
  const { values } = parseArgs({
    args: process.argv.slice(3),
    options: { learners: { type: 'string', default: '2000' }, seconds: { type: 'string', default: '180' }, ramp: { type: 'string', default: '30' }, only: { type: 'string' }, profile: { type: 'boolean', default: false } },
  });
  const load = { learners: Number(values.learners), measureSeconds: Number(values.seconds), rampSeconds: Number(values.ramp), thinkSeconds: { min: 5, max: 30 } };
  const scenarios: Scenario[] = [
    { name: 'pglite' as const, servers: 1 },
    { name: 'postgres' as const, servers: 2 },
  ].filter((scenario) => !values.only || scenario.name === values.only);
  const log = (line: string) => console.log(`[serve] ${line}`);

  const workDir = await mkdtemp(path.join(tmpdir(), 'primer-bench-serve-'));
  const model = await startChild(path.join(here, 'serve/model-process.ts'), [], [], 'model');
  const figures: BenchReport['figures'] = { learners: load.learners, measureSeconds: load.measureSeconds, targetAddedFirstTokenP99Ms: targets.addedFirstTokenP99Ms, targetPeakRssMb: targets.peakRssMb };
  const table: BenchReport['table'] = [];
  const notes: string[] = [
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; load generator, model and servers (and PostgreSQL) all share it; load average at the start ${loadavg().map((value) => value.toFixed(1)).join(' ')}`,
    `each learner: one guest (POST /api/auth/guest), then turns (POST /api/courses/backprop/turns, the UI message stream read to its end) with a think time uniform in [${load.thinkSeconds.min}, ${load.thinkSeconds.max}] s between them; first turns spread uniformly over the ${load.rampSeconds} s ramp; turns sent in the ${load.measureSeconds} s after it are measured`,
    'added TTFT = time from sending the turn to its first text-delta on the client, minus the model’s own TTFT (measured alone, below); it includes connecting, since a keep-alive socket rarely outlives a think time of 5 s or more',
    'rate limits: sign-ins per address and requests per account lifted through startServer({ app: { limits } }); turns per learner per minute left at the default (20)',
    'inside the servers (whole run, ramp included): serverFirstPartOver50msPercent is the share of turns whose first part left the server more than 50 ms after the request came in (its /metrics histogram); serverLoopDelay is how late a 5 ms timer ran on the server thread; serverGc the garbage collection pauses. A client-side p99 far above what these show comes from outside the servers: the load generator, the model process and the operating system sharing the cores',
  ];
  try {
    const modelFirstToken = await measureModelFirstToken(model.url, 200);
    figures.modelFirstTokenP50Ms = round(modelFirstToken.p50Ms);
    notes.push(`the instant model’s own TTFT, measured alone over 200 streaming requests: p50 ${round(modelFirstToken.p50Ms)} ms, p99 ${round(modelFirstToken.p99Ms)} ms`);
    const configPath = path.join(workDir, 'primer.config.yaml');
    await writeFile(configPath, modelConfigYaml(model.url));
    for (const scenario of scenarios) {
      const result = await runScenario(scenario, { workDir, configPath, load, log, profile: values.profile, modelPid: model.pid });
      if ('skipped' in result) {
        notes.push(`${scenario.name}: skipped — ${result.skipped}`);
        continue;
      }
      const turns = result.turns.filter((turn) => turn.startedMs >= load.rampSeconds * 1000);
      const firstText = turns.filter((turn) => !turn.error && turn.firstTextMs !== undefined).map((turn) => turn.firstTextMs! - modelFirstToken.p50Ms).sort((a, b) => a - b);
      const errors = result.turns.filter((turn) => turn.error);
      const row = {
        database: scenario.name,
        servers: scenario.servers,
        learners: load.learners,
        measuredTurns: turns.length,
        turnsPerSecond: round(turns.length / load.measureSeconds),
        errors: errors.length + result.signInErrors.length,
        addedFirstTokenP50Ms: round(percentile(firstText, 50)),
        addedFirstTokenP99Ms: round(percentile(firstText, 99)),
        addedFirstTokenMaxMs: round(firstText.at(-1) ?? 0),
        turnP99Ms: round(percentile(turns.map((turn) => turn.totalMs).sort((a, b) => a - b), 99)),
        peakTurnsInFlight: result.peakTurnsInFlight,
        serverPeakRssMb: result.serverPeakRssMb.map(round).join(' + '),
        serverCpuShare: result.serverCpuShare.map((share) => round(share, 2)).join(' + '),
        serverCpuMsPerTurn: round((result.serverCpuShare.reduce((sum, share) => sum + share, 0) * result.conversationSeconds * 1000) / Math.max(1, result.turns.length)),
        modelCpuShare: round(result.modelCpuShare, 2),
        clientCpuShare: round(result.clientCpuSeconds / result.conversationSeconds, 2),
        clientLoopDelayP99Ms: round(result.clientLoopDelayP99Ms),
      };
      table.push(row);
      notes.push(`${scenario.name}: load average at the end ${loadavg().map((value) => value.toFixed(1)).join(' ')}`);
      Object.assign(figures, {
        [`${scenario.name}.addedFirstTokenP50Ms`]: row.addedFirstTokenP50Ms,
        [`${scenario.name}.addedFirstTokenP99Ms`]: row.addedFirstTokenP99Ms,
        [`${scenario.name}.serverPeakRssMb`]: round(Math.max(...result.serverPeakRssMb)),
        [`${scenario.name}.turnsPerSecond`]: row.turnsPerSecond,
        [`${scenario.name}.serverCpuMsPerTurn`]: row.serverCpuMsPerTurn,
        [`${scenario.name}.errors`]: row.errors,
        // where a tail comes from: inside the servers (their first part late, their loop or GC holding requests up) or outside them
        [`${scenario.name}.serverFirstPartOver50msPercent`]: round(result.serverFirstPartOver50msPercent, 2),
        [`${scenario.name}.serverLoopDelayP99Ms`]: result.serverLoopDelayP99Ms.map((value) => round(value)).join(' + '),
        [`${scenario.name}.serverLoopDelayMaxMs`]: result.serverLoopDelayMaxMs.map((value) => round(value)).join(' + '),
        [`${scenario.name}.serverGcPauseMaxMs`]: result.serverGcPauseMaxMs.map((value) => round(value)).join(' + '),
        [`${scenario.name}.serverGcPercent`]: result.serverGcShare.map((share) => round(share * 100, 1)).join(' + '),
        [`${scenario.name}.meetsTargets`]: row.errors === 0 && row.addedFirstTokenP99Ms <= targets.addedFirstTokenP99Ms && Math.max(...result.serverPeakRssMb) <= targets.peakRssMb,
      });
      const modes = countBy(turns.filter((turn) => !turn.error), (turn) => turn.mode ?? '?');
      notes.push(`${scenario.name}: answered by ${Object.entries(modes).map(([mode, count]) => `${mode} ${count}`).join(', ')}; ${load.learners - result.signInErrors.length} guests signed in in ${round(result.signInSeconds, 1)} s`);
      for (const [reason, count] of Object.entries(countBy([...errors.map((turn) => turn.error!), ...result.signInErrors], (reason) => reason.slice(0, 160)))) notes.push(`${scenario.name} error ×${count}: ${reason}`);
    }
  } finally {
    await model.stop();
    await rm(workDir, { recursive: true, force: true });
  }
  return { figures, table, notes };
}

interface ScenarioContext {
  workDir: string;
  configPath: string;
  load: { learners: number; measureSeconds: number; rampSeconds: number; thinkSeconds: { min: number; max: number } };
  log: (line: string) => void;
  profile: boolean;
  modelPid: number;
}

async function runScenario(scenario: Scenario, context: ScenarioContext) {
  const { workDir, configPath, load, log } = context;
  const web = path.join(workDir, 'no-web-app');
  let admin: pg.Client | undefined;
  const settings: ServerProcessSettings = { course: courseDir, config: configPath, web };
  if (scenario.name === 'postgres') {
    admin = new pg.Client({ connectionString: postgresAdminUrl });
    try {
      await admin.connect();
    } catch (error) {
      return { skipped: `PostgreSQL is not reachable at ${postgresAdminUrl} (${(error as Error).message})` };
    }
    await admin.query(`drop database if exists ${benchDatabase} with (force)`);
    await admin.query(`create database ${benchDatabase}`);
    settings.databaseUrl = postgresAdminUrl.replace(/\/test$/, `/${benchDatabase}`);
  } else {
    settings.data = path.join(workDir, 'pglite-data');
  }
  log(`${scenario.name}: starting ${scenario.servers} server process${scenario.servers === 1 ? '' : 'es'}`);
  const profileDir = path.resolve(here, 'results', `serve-profile-${scenario.name}`);
  if (context.profile) {
    await rm(profileDir, { recursive: true, force: true });
    settings.profileDir = profileDir;
  }
  const servers = await Promise.all(Array.from({ length: scenario.servers }, (_, index) => startChild(path.join(here, 'serve/server-process.ts'), [JSON.stringify(settings)], ['--max-semi-space-size=32'], `server ${index + 1}`)));
  const watchers = servers.map((server) => watchProcess(server.pid));
  const cpuSeconds = async (pid: number) => (await sampleProcess(pid))?.cpuSeconds ?? 0;
  try {
    const modelCpuBefore = await cpuSeconds(context.modelPid);
    const serverCpuBefore = await Promise.all(servers.map((server) => cpuSeconds(server.pid)));
    const result = await runLearnerLoad({ servers: servers.map((server) => server.url), course: 'backprop', ...load, random: Math.random, log: (line) => log(`${scenario.name}: ${line}`) });
    const serverCpuAfter = await Promise.all(servers.map((server) => cpuSeconds(server.pid)));
    const modelCpuAfter = await cpuSeconds(context.modelPid);
    const health = await Promise.all(servers.map((server) => server.stats()));
    const firstParts = await Promise.all(servers.map((server) => firstPartCounts(server.url)));
    const turnsCounted = firstParts.reduce((sum, counts) => sum + counts.total, 0);
    const memory = await Promise.all(watchers.map((watcher) => watcher.stop()));
    return {
      ...result,
      serverPeakRssMb: memory.map((sample) => sample.highestRssBytes / 2 ** 20),
      serverCpuShare: serverCpuAfter.map((after, index) => (after - serverCpuBefore[index]!) / result.conversationSeconds),
      modelCpuShare: (modelCpuAfter - modelCpuBefore) / result.conversationSeconds,
      // inside the servers, over every turn of the run (ramp included): a tail that is not here is outside them
      serverFirstPartOver50msPercent: turnsCounted ? (100 * firstParts.reduce((sum, counts) => sum + counts.total - counts.within50ms, 0)) / turnsCounted : 0,
      serverLoopDelayP99Ms: health.map((each) => each.loopDelayP99Ms),
      serverLoopDelayMaxMs: health.map((each) => each.loopDelayMaxMs),
      serverGcPauseMaxMs: health.map((each) => each.gcPauseMaxMs),
      serverGcShare: health.map((each) => each.gcShare),
    };
  } finally {
    await Promise.all(watchers.map((watcher) => watcher.stop()));
    await Promise.all(servers.map((server) => server.stop()));
    if (admin) {
      await admin.query(`drop database if exists ${benchDatabase} with (force)`).catch(() => undefined);
      await admin.end();
    }
    if (context.profile) log(`${scenario.name}: CPU profiles of the servers (from ready to stop) in ${path.relative(process.cwd(), profileDir)}`);
  }
}

/** Forks a TypeScript child (through tsx) and waits for its { url }. */
async function startChild(file: string, args: string[], nodeOptions: string[], label: string) {
  const child: ChildProcess = fork(file, args, { execArgv: ['--import', 'tsx', ...nodeOptions], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`the ${label} process exited with code ${code} before it was ready`)));
  });
  return {
    url,
    pid: child.pid!,
    /** A server child's health figures (see ServerHealth). */
    stats: () =>
      new Promise<ServerHealth>((resolve) => {
        child.once('message', (message) => resolve((message as { stats: ServerHealth }).stats));
        child.send({ stats: true });
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.send({ stop: true });
      }),
  };
}

/** From a server's /metrics: its turns, and how many streamed their first part within 50 ms of the request (primer_tutor_turn_first_part_seconds). */
async function firstPartCounts(url: string): Promise<{ total: number; within50ms: number }> {
  const text = await (await fetch(new URL('/metrics', url))).text();
  const sum = (le: string) =>
    text
      .split('\n')
      .filter((line) => line.startsWith('primer_tutor_turn_first_part_seconds_bucket{') && line.includes(`le="${le}"`))
      .reduce((total, line) => total + Number(line.split(' ').at(-1)), 0);
  return { total: sum('+Inf'), within50ms: sum('0.05') };
}

/** Every tier is the instant model, so escalation and other tasks reach it too. */
function modelConfigYaml(baseURL: string): string {
  const chain = '{ chain: [{ provider: instant, model: instant }] }';
  return `models:\n  providers:\n    instant: { type: openai-compatible, baseURL: ${baseURL} }\n  tiers:\n    local: ${chain}\n    standard: ${chain}\n    frontier: ${chain}\n`;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));
