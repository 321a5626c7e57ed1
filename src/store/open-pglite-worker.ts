// The main thread's side of the PGlite worker (pglite-worker.mjs): an object with the two methods
// Kysely's PGlite dialect calls, `query` and `close`, each a message to the worker and back.
import { Worker } from 'node:worker_threads';

export interface PgliteWorkerClient {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[]; affectedRows?: number }>;
  /** The data folder as a gzipped tar, taken while no statement runs (see pglite-worker.mjs). */
  backup(): Promise<Uint8Array>;
  close(): Promise<void>;
}

type Reply = { id: number; rows?: unknown[]; affectedRows?: number; backup?: Uint8Array; error?: ErrorData };
type ErrorData = { name?: string; message: string; [field: string]: unknown };

/**
 * Starts PGlite on a worker thread (in memory when `dataDir` is null); resolves once it is open.
 * `restoreFrom`: a backup (see PgliteWorkerClient.backup) to fill the empty data folder with first.
 */
export async function openPgliteWorker(dataDir: string | null, restoreFrom?: Uint8Array): Promise<PgliteWorkerClient> {
  // The young generation as the main thread's with --max-semi-space-size=32: PGlite leaves about 75 KB of garbage per query.
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), { workerData: { dataDir, ...(restoreFrom ? { restoreFrom } : {}) }, resourceLimits: { maxYoungGenerationSizeMb: 96 } });
  // `caller`: the stack of the query's call, for its error (a reply comes in an event handler, which would show no caller).
  const pending = new Map<number, { resolve: (reply: Reply) => void; reject: (error: Error) => void; caller: { stack?: string } }>();
  let nextId = 1;
  let failure: Error | undefined;
  const failAll = (error: Error) => {
    failure = error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  await new Promise<void>((resolve, reject) => {
    worker.once('message', (message: { ready: boolean; error?: ErrorData }) => (message.ready ? resolve() : reject(toError(message.error!, new Error().stack))));
    worker.once('error', reject);
  });
  worker.on('message', (reply: Reply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (reply.error) waiting.reject(toError(reply.error, waiting.caller.stack));
    else waiting.resolve(reply);
  });
  worker.on('error', (error) => failAll(error));
  worker.on('exit', (code) => failAll(new Error(`the database thread stopped (exit code ${code})`)));
  /** Sends a request and resolves with the worker's reply to it. */
  const ask = (request: Record<string, unknown>, caller: { stack?: string }) => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise<Reply>((resolve, reject) => {
      pending.set(id, { resolve, reject, caller });
      worker.postMessage({ id, ...request });
    });
  };
  const query: PgliteWorkerClient['query'] = async (sql, params = []) => {
    const caller: { stack?: string } = {};
    Error.captureStackTrace(caller, query);
    const reply = await ask({ sql, params }, caller);
    return { rows: reply.rows ?? [], ...(reply.affectedRows !== undefined ? { affectedRows: reply.affectedRows } : {}) };
  };
  const backup: PgliteWorkerClient['backup'] = async () => {
    const caller: { stack?: string } = {};
    Error.captureStackTrace(caller, backup);
    return (await ask({ backup: true }, caller)).backup!;
  };
  return {
    query,
    backup,
    async close() {
      if (failure) return;
      const closed = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage({ close: true });
      await closed;
    },
  };
}

/** The worker's error as an Error of this thread, with the stack of the call that caused it. */
function toError(data: ErrorData, callerStack: string | undefined): Error {
  const { message, name, ...fields } = data;
  const error = Object.assign(new Error(message), { name: name ?? 'Error' }, fields);
  const frames = callerStack?.slice(callerStack.indexOf('\n')) ?? '';
  error.stack = `${error.name}: ${message}${frames}`;
  return error;
}
