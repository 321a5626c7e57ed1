// How much CPU this machine's cores are really getting, reported by `bench/run.ts` before and after
// every benchmark:
// - stalls: one thread per core spins for a while and records every gap over 0.5 ms between two
//   readings of the clock (the thread was not running: the host gave the core to someone else, or
//   the kernel ran something). On a shared virtual machine this can be a third of the time, in
//   stalls of several ms, and then no latency p99 measured in ms means much;
// - speed: how long a fixed loop takes. A core that runs all the time can still run slowly (a busy
//   neighbour on the host): on the same virtual machine the same code has run 1.5 times slower from
//   one day to the next with few stalls counted, so compare figures only at a similar loop time.
import { cpus } from 'node:os';
import { Worker } from 'node:worker_threads';

export interface MachineStalls {
  /** Share of the time, averaged over the cores, that a spinning thread did not run (0–1). */
  lostShare: number;
  /** Stalls over 0.5 ms per second, per core. */
  stallsPerSecond: number;
  /** The median and longest stall, in ms. */
  medianStallMs: number;
  maxStallMs: number;
}

const spin = `
const { parentPort, workerData } = require('node:worker_threads');
const stalls = [];
const start = performance.now();
let last = start;
while (last - start < workerData.ms) {
  const now = performance.now();
  if (now - last > 0.5) stalls.push(now - last);
  last = now;
}
parentPort.postMessage(stalls);
`;

export async function measureMachineStalls(ms = 2000): Promise<MachineStalls> {
  const threads = cpus().length;
  const perThread = await Promise.all(
    Array.from({ length: threads }, () => new Promise<number[]>((resolve, reject) => {
      const worker = new Worker(spin, { eval: true, workerData: { ms } });
      worker.once('message', (stalls: number[]) => {
        resolve(stalls);
        void worker.terminate();
      });
      worker.once('error', reject);
    })),
  );
  const stalls = perThread.flat().sort((a, b) => a - b);
  const lost = stalls.reduce((sum, stall) => sum + stall, 0);
  return {
    lostShare: lost / (threads * ms),
    stallsPerSecond: stalls.length / threads / (ms / 1000),
    medianStallMs: stalls[Math.floor(stalls.length / 2)] ?? 0,
    maxStallMs: stalls.at(-1) ?? 0,
  };
}

/** One line for a report's notes. */
export function describeStalls(when: string, stalls: MachineStalls): string {
  return `machine ${when}: a thread spinning on each of the ${cpus().length} cores did not run ${(stalls.lostShare * 100).toFixed(0)}% of the time (${stalls.stallsPerSecond.toFixed(0)} stalls over 0.5 ms per second per core, median ${stalls.medianStallMs.toFixed(1)} ms, longest ${stalls.maxStallMs.toFixed(1)} ms)`;
}

/** Where the loop's result goes, so the compiler cannot drop the loop. */
export let loopResult = 0;

/** The fastest of three runs of a fixed integer loop (20 million steps), in ms: lower is a faster core. */
export function measureLoopMs(): number {
  let fastest = Infinity;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    let value = 0;
    for (let step = 0; step < 20_000_000; step++) value = (value * 31 + step) | 0;
    fastest = Math.min(fastest, performance.now() - started);
    loopResult = value;
  }
  return Math.round(fastest * 10) / 10;
}
