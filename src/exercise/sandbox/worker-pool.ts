// A pool of one warm worker thread that runs sandbox requests one at a time. The main thread keeps
// the wall-time limit: at the deadline it raises the shared interrupt flag (the worker's runtime
// stops the code and answers), and if no answer comes within a grace period it terminates the
// worker. A lost worker is replaced in the background, so the next learner finds a warm one.
import { Worker } from 'node:worker_threads';
import type { CodeRunResult } from './sandbox.js';

export interface WorkerReply extends CodeRunResult {
  id?: number;
  memoryBytes?: number;
  dirty?: boolean; // the run changed state that later runs would see: replace the worker
  ready?: boolean;
  failed?: string;
}

export interface WorkerPoolOptions {
  name: string; // for error messages, e.g. "Python sandbox"
  source: string; // worker source, run with `eval: true`; receives workerData.interruptBuffer
  workerData: Record<string, unknown>;
  heapMb: number;
  graceMs?: number;
}

export interface WorkerPool {
  run(message: Record<string, unknown>, timeMs: number): Promise<WorkerReply>;
  warmUp(): Promise<number>;
  close(): Promise<void>;
}

interface Running {
  worker: Worker;
  interrupt: Int32Array; // shared with the worker: 2 asks the running code to stop
}

/** Creates the pool; its worker starts on the first run or on warmUp(). */
export function createWorkerPool(options: WorkerPoolOptions): WorkerPool {
  let starting: Promise<Running> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;
  let nextId = 1;

  function start(): Promise<Running> {
    const interruptBuffer = new SharedArrayBuffer(4);
    const worker = new Worker(options.source, {
      eval: true,
      workerData: { ...options.workerData, interruptBuffer },
      env: {}, // no environment variables reach the worker
      stdout: true, // the worker's own output is not piped into the server's
      stderr: true,
      resourceLimits: { maxOldGenerationSizeMb: options.heapMb, maxYoungGenerationSizeMb: 32 },
    });
    worker.unref();
    const ready = new Promise<Running>((resolve, reject) => {
      const onMessage = (message: WorkerReply) => {
        cleanup();
        if (message.ready) resolve({ worker, interrupt: new Int32Array(interruptBuffer) });
        else reject(new Error(`the ${options.name} did not start: ${message.failed ?? 'unknown error'}`));
      };
      const onError = (error: Error) => {
        cleanup();
        reject(error);
      };
      const onExit = (code: number) => {
        cleanup();
        reject(new Error(`the ${options.name} exited while starting (code ${code})`));
      };
      function cleanup() {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      }
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
    });
    ready.catch(() => undefined);
    return ready;
  }

  function current(): Promise<Running> {
    starting ??= start();
    return starting;
  }

  /** Ends a worker and, unless the pool is closed, starts its replacement now. */
  function replace(running: Running): void {
    void running.worker.terminate();
    starting = undefined;
    if (!closed) void current().catch(() => undefined);
  }

  async function runOnce(message: Record<string, unknown>, timeMs: number): Promise<WorkerReply> {
    let running: Running;
    try {
      running = await current();
    } catch (error) {
      starting = undefined; // try a fresh start next time
      throw error;
    }
    const id = nextId++;
    const graceMs = options.graceMs ?? 500;
    const reply = await new Promise<WorkerReply>((resolve) => {
      const { worker } = running;
      let interrupted = false;
      let timer = setTimeout(() => {
        interrupted = true;
        Atomics.store(running.interrupt, 0, 2);
        timer = setTimeout(() => finish({ status: 'time-limit', tests: [], output: '' }, true), graceMs);
      }, timeMs);
      const onMessage = (reply: WorkerReply) => {
        if (reply.id === id) finish(reply, false);
      };
      const onError = (error: Error) => finish({ status: /memory/i.test(error.message) ? 'memory-limit' : 'crashed', tests: [], output: '' }, true);
      const onExit = () => finish({ status: 'crashed', tests: [], output: '' }, true);
      function finish(result: WorkerReply, lost: boolean) {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (lost || result.dirty || result.status === 'crashed') replace(running);
        // code that swallowed the interrupt and went on still ran past its time
        resolve(interrupted && result.status === 'ok' ? { ...result, status: 'time-limit' } : result);
      }
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.postMessage({ ...message, id });
    });
    return reply;
  }

  return {
    run(message, timeMs) {
      const result = queue.then(() => runOnce(message, timeMs));
      queue = result.catch(() => undefined);
      return result;
    },
    async warmUp() {
      const began = performance.now();
      await current();
      return performance.now() - began;
    },
    async close() {
      closed = true;
      const pending = starting;
      starting = undefined;
      if (pending) await pending.then((running) => running.worker.terminate()).catch(() => undefined);
    },
  };
}
