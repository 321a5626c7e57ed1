// `npm run bench -- store`: 1,000 learners × 200 events appended, then learner state read
// with a snapshot plus a tail, on PGlite (a real data folder) and on PostgreSQL.
// The fold is Primer's learner model (foldLearnerState over a five-skill course).
// Options: `--only pglite|postgres` runs one backend, `--learners N` fewer learners (default 1000).
import { mkdtemp, rm } from 'node:fs/promises';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { createSeededRandom } from '../src/eval/index.js';
import { emptyLearnerState, foldedEventTypes, foldLearnerState, parseEventPayload, syntheticCourse, type EventType, type LearnerEvent, type LearnerState } from '../src/learner/index.js';
import { openStore, testBackends, testPostgresUrl, type DatabaseConfig, type Store, type StoredEvent } from '../src/store/index.js';
import type { BenchReport } from './report.js';

export interface StoreBenchSize {
  learners: number;
  eventsPerLearner: number;
  /** Events per append: one tutor turn's worth. */
  batch: number;
  /** Concurrent appends on PostgreSQL (PGlite has a single connection). */
  concurrency: number;
}

const fullSize: StoreBenchSize = { learners: 1000, eventsPerLearner: 200, batch: 10, concurrency: 8 };
const targetMs = 2;
/** Events of the learner with a long history (step 5): a year of daily practice. */
const longHistory = 6000;
const course = syntheticCourse({ skills: [{ id: 'limits' }, { id: 'derivatives', prerequisites: ['limits'] }, { id: 'chain-rule', prerequisites: ['derivatives'] }, { id: 'products', prerequisites: ['derivatives'] }, { id: 'gradients', prerequisites: ['chain-rule', 'products'] }] });
const fold = {
  version: `learner-state-1:${course.hash}`,
  initial: emptyLearnerState(),
  fold: (state: LearnerState, events: readonly StoredEvent[]) => foldLearnerState(state, events as unknown as LearnerEvent[], course),
};

/** One turn: mostly graded attempts, some chat and hints, all valid for the learner module's schemas. */
function turnEvents(random: () => number, count: number, turn: string): { type: EventType; payload: unknown }[] {
  return Array.from({ length: count }, (_, index) => {
    const exercise = course.exercises[Math.floor(random() * course.exercises.length)]!;
    const roll = random();
    if (roll < 0.6) {
      return { type: 'attempt', payload: { exercise: exercise.id, skills: exercise.skills, answer: String(Math.floor(random() * 100)), verdict: random() < 0.7 ? 'correct' : 'incorrect', hintsUsed: 0, revealed: false } };
    }
    if (roll < 0.9) return { type: 'message', payload: { turn: `${turn}-${index}`, role: random() < 0.5 ? 'learner' : 'tutor', text: 'Why does the chain rule multiply the derivatives?' } };
    return { type: 'hint', payload: { exercise: exercise.id, rung: 1, reveals: false } };
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const round = (value: number, digits = 3) => Number(value.toFixed(digits));
function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), mean: round(samples.reduce((sum, value) => sum + value, 0) / samples.length) };
}

/** CPU time this process spent since `start`, in ms: what the work costs when it has to share the CPU. */
const cpuMsSince = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

async function inParallel<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

/** Runs the workload on one store and returns its table rows and read latencies. */
async function measure(store: Store, backend: string, size: StoreBenchSize, concurrency: number) {
  const random = createSeededRandom(4);
  const learners = Array.from({ length: size.learners }, (_, index) => `learner-${String(index).padStart(4, '0')}`);
  const append = async (learner: string, count: number, turn: string, latencies: number[]) => {
    const started = performance.now();
    await store.appendEvents({ learner, course: course.course.id, courseVersion: course.hash, key: turn, events: turnEvents(random, count, turn) });
    latencies.push(performance.now() - started);
  };

  // 1. Append: turn after turn, every learner taking part in each round.
  const appendLatencies: number[] = [];
  const appendCpu = process.cpuUsage();
  const appendStarted = performance.now();
  for (let turn = 0; turn * size.batch < size.eventsPerLearner; turn += 1) {
    const count = Math.min(size.batch, size.eventsPerLearner - turn * size.batch);
    await inParallel(learners, concurrency, (learner) => append(learner, count, `${learner}-t${turn}`, appendLatencies));
  }
  const appendSeconds = (performance.now() - appendStarted) / 1000;
  const appendCpuMs = cpuMsSince(appendCpu) / appendLatencies.length;
  const appended = size.learners * size.eventsPerLearner;

  // 2. The first read of each learner replays everything and writes a snapshot.
  const coldReads: number[] = [];
  const coldCpu = process.cpuUsage();
  for (const learner of learners) {
    const started = performance.now();
    await store.readLearnerState(learner, course.course.id, fold);
    coldReads.push(performance.now() - started);
  }
  const coldCpuMs = cpuMsSince(coldCpu) / coldReads.length;

  // 3. More practice since the snapshot: a tail of 0 to 49 events per learner (below the snapshot threshold).
  const tails = new Map(learners.map((learner) => [learner, Math.floor(random() * 50)]));
  const tailLatencies: number[] = [];
  for (const learner of learners) {
    for (let written = 0, turn = 0; written < tails.get(learner)!; turn += 1) {
      const count = Math.min(size.batch, tails.get(learner)! - written);
      await append(learner, count, `${learner}-tail${turn}`, tailLatencies);
      written += count;
    }
  }

  // 4. Measured: reads with a snapshot plus that tail, each learner twice, one at a time.
  // Garbage-collection pauses are recorded alongside, to tell how many of the slow reads they explain.
  const pauses: { start: number; end: number }[] = [];
  const gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push({ start: entry.startTime, end: entry.startTime + entry.duration });
  });
  gcObserver.observe({ entryTypes: ['gc'] });
  const spans: { start: number; end: number }[] = [];
  const reads: number[] = [];
  let checked = 0;
  const readCpu = process.cpuUsage();
  for (const pass of [1, 2]) {
    for (const learner of learners) {
      const started = performance.now();
      const { state, replayed } = await store.readLearnerState(learner, course.course.id, fold);
      const ended = performance.now();
      reads.push(ended - started);
      spans.push({ start: started, end: ended });
      if (replayed !== tails.get(learner) || state.eventCount !== size.eventsPerLearner + tails.get(learner)!) {
        throw new Error(`${backend}: ${learner} read ${state.eventCount} events (replayed ${replayed}); expected ${size.eventsPerLearner + tails.get(learner)!} (tail ${tails.get(learner)}), pass ${pass}`);
      }
      checked += 1;
    }
  }

  const readCpuMs = cpuMsSince(readCpu) / reads.length;
  await new Promise((resolve) => setTimeout(resolve, 100)); // the observer reports after the fact, a few turns of the event loop later
  gcObserver.disconnect();
  const readsDuringGc = spans.filter((span) => pauses.some((pause) => pause.start < span.end && pause.end > span.start)).length;
  const gcPauses = pauses.filter((pause) => pause.end > spans[0]!.start && pause.start < spans.at(-1)!.end);

  // The noise floor: the cheapest round trip on the same connection, one at a time, right after.
  const floor: number[] = [];
  const floorCpu = process.cpuUsage();
  for (let index = 0; index < reads.length; index += 1) {
    const started = performance.now();
    await sql`select 1`.execute(store.db);
    floor.push(performance.now() - started);
  }
  const trivial = summary(floor);
  const floorCpuMs = cpuMsSince(floorCpu) / floor.length;

  // 5. A learner with a long history, read as the tutor reads (the fold's event types, and the
  // latest 40 chat messages with how many there are), beside a learner with the usual 200 events:
  // the read must not grow with the history.
  const longLearner = 'learner-long';
  for (let turn = 0; turn * size.batch < longHistory; turn += 1) await append(longLearner, size.batch, `${longLearner}-t${turn}`, []);
  const tutorRead = { ...fold, version: `${fold.version}:tutor`, types: foldedEventTypes, recent: { type: 'message', limit: 40 } };
  const timeReads = async (learner: string) => {
    await store.readLearnerState(learner, course.course.id, tutorRead); // writes the snapshot
    const samples: number[] = [];
    for (let index = 0; index < 200; index += 1) {
      const started = performance.now();
      await store.readLearnerState(learner, course.course.id, tutorRead);
      samples.push(performance.now() - started);
    }
    return summary(samples);
  };
  const shortConversation = await timeReads(learners[0]!);
  const longConversation = await timeReads(longLearner);

  const append50 = summary(appendLatencies);
  const cold = summary(coldReads);
  const warm = summary(reads);
  return {
    reads: warm,
    longConversation,
    gc: { pauses: gcPauses.length, pauseMs: round(gcPauses.reduce((sum, pause) => sum + pause.end - pause.start, 0), 1), readsDuringGc },
    readCpuMs,
    appendedPerSecond: Math.round(appended / appendSeconds),
    checked,
    rows: [
      { backend, operation: `append ${size.batch} events (×${appendLatencies.length}${concurrency > 1 ? `, ${concurrency} at once` : ''})`, p50Ms: append50.p50, p99Ms: append50.p99, meanMs: append50.mean, cpuMsPerOp: round(appendCpuMs) },
      { backend, operation: `first read, no snapshot (${size.eventsPerLearner} events replayed, writes one)`, p50Ms: cold.p50, p99Ms: cold.p99, meanMs: cold.mean, cpuMsPerOp: round(coldCpuMs) },
      { backend, operation: `read with snapshot + tail of 0-49 events (×${reads.length})`, p50Ms: warm.p50, p99Ms: warm.p99, meanMs: warm.mean, cpuMsPerOp: round(readCpuMs) },
      { backend, operation: `read as the tutor does (recent 40 messages), ${size.eventsPerLearner} events (×200)`, p50Ms: shortConversation.p50, p99Ms: shortConversation.p99, meanMs: shortConversation.mean, cpuMsPerOp: '' },
      { backend, operation: `read as the tutor does (recent 40 messages), ${longHistory} events (×200)`, p50Ms: longConversation.p50, p99Ms: longConversation.p99, meanMs: longConversation.mean, cpuMsPerOp: '' },
      { backend, operation: `for comparison: select 1 (×${floor.length})`, p50Ms: trivial.p50, p99Ms: trivial.p99, meanMs: trivial.mean, cpuMsPerOp: round(floorCpuMs) },
    ],
  };
}

export async function runStoreBench(size: StoreBenchSize = fullSize, only?: string): Promise<BenchReport> {
  const figures: BenchReport['figures'] = { learners: size.learners, eventsPerLearner: size.eventsPerLearner, targetMs };
  const table: BenchReport['table'] = [];
  const notes = [
    `fold: foldLearnerState (BKT mastery, FSRS reviews, exercises, profile, memory) over a ${course.course.skills.length}-skill course; snapshot every 50 events`,
    'appends are one transaction each, with a client key (idempotent); PGlite writes to a real data folder in a temporary directory',
    'read latency is measured one read at a time from this process, including the fold; PostgreSQL is the local server over TCP',
    'cpuMsPerOp: CPU time of this process per operation (for PGlite that includes the database; for PostgreSQL not the server), useful when the machine is shared',
    'GcPausesDuringReads / ReadsOverlappingGc: garbage-collection pauses of this process while the measured reads ran, and how many reads overlapped one (those reads are included in p99)',
    'select 1: the cheapest round trip on the same connection, measured right after the reads; its p99 shows what the machine itself adds (other processes, GC)',
    `machine: ${os.cpus().length} CPUs, load average at start ${os.loadavg().map((load) => load.toFixed(1)).join(' ')}`,
  ];

  const dataDir = await mkdtemp(path.join(tmpdir(), 'primer-bench-store-'));
  const backends: { name: string; config: DatabaseConfig; schema?: string; concurrency: number }[] = only === 'postgres' ? [] : [{ name: 'pglite', config: { kind: 'pglite', dataDir }, concurrency: 1 }];
  const postgres = only === 'pglite' ? undefined : (await testBackends()).find((backend) => backend.name === 'postgres');
  if (only === 'pglite') notes.push('PostgreSQL not measured: --only pglite');
  else if (postgres?.available) backends.push({ name: 'postgres', config: { kind: 'postgres', url: testPostgresUrl }, schema: `primer_bench_${process.pid}`, concurrency: size.concurrency });
  else notes.push(`PostgreSQL not measured: ${postgres?.notice ?? 'unreachable'}`);

  try {
    for (const backend of backends) {
      let now = Date.parse('2026-03-01T12:00:00Z');
      const clock = { now: () => new Date((now += 1000)) }; // a second between events
      const store = await openStore(backend.config, { parseEvent: (type, payload) => parseEventPayload(type as EventType, payload), clock }, backend.schema ? { schema: backend.schema } : {});
      try {
        const result = await measure(store, backend.name, size, backend.concurrency);
        table.push(...result.rows);
        figures[`${backend.name}ReadP50Ms`] = result.reads.p50;
        figures[`${backend.name}ReadP99Ms`] = result.reads.p99;
        figures[`${backend.name}LongHistoryReadP50Ms`] = result.longConversation.p50;
        figures[`${backend.name}ReadCpuMsPerRead`] = round(result.readCpuMs);
        figures[`${backend.name}GcPausesDuringReads`] = result.gc.pauses;
        figures[`${backend.name}GcPauseMsDuringReads`] = result.gc.pauseMs;
        figures[`${backend.name}ReadsOverlappingGc`] = result.gc.readsDuringGc;
        figures[`${backend.name}AppendedEventsPerSecond`] = result.appendedPerSecond;
        figures[`${backend.name}ReadUnderTarget`] = result.reads.p50 < targetMs && result.reads.p99 < targetMs;
      } finally {
        if (backend.schema) await sql`drop schema if exists ${sql.id(backend.schema)} cascade`.execute(store.db);
        await store.close();
      }
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  notes.push(`load average at end ${os.loadavg().map((load) => load.toFixed(1)).join(' ')}`);
  return { figures, table, notes };
}

export default () => {
  const { values } = parseArgs({ args: process.argv.slice(3), options: { only: { type: 'string' }, learners: { type: 'string' } } });
  if (values.only !== undefined && values.only !== 'pglite' && values.only !== 'postgres') throw new Error(`--only must be pglite or postgres, not "${values.only}"`);
  const learners = values.learners === undefined ? fullSize.learners : Number(values.learners);
  if (!Number.isInteger(learners) || learners < 1) throw new Error(`--learners must be a whole number above 0, not "${values.learners}"`);
  return runStoreBench({ ...fullSize, learners }, values.only);
};
