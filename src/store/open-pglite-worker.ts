// The main thread's side of the PGlite worker (pglite-worker.mjs): an object with the two methods
// Kysely's PGlite dialect calls, `query` and `close`, each a message to the worker and back.
import { Worker } from 'node:worker_threads';

export interface PgliteWorkerClient {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[]; affectedRows?: number }>;
  close(): Promise<void>;
}

type Reply = { id: number; rows?: unknown[]; affectedRows?: number; error?: ErrorData };
type ErrorData = { name?: string; message: string; [field: string]: unknown };

/** Starts PGlite on a worker thread (in memory when `dataDir` is null); resolves once it is open. */
export async function openPgliteWorker(dataDir: string | null): Promise<PgliteWorkerClient> {
  // The young generation as the main thread's with --max-semi-space-size=32: PGlite leaves about 75 KB of garbage per query.
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), { workerData: { dataDir }, resourceLimits: { maxYoungGenerationSizeMb: 96 } });
  const pending = new Map<number, { resolve: (reply: Reply) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let failure: Error | undefined;
  const failAll = (error: Error) => {
    failure = error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  await new Promise<void>((resolve, reject) => {
    worker.once('message', (message: { ready: boolean; error?: ErrorData }) => (message.ready ? resolve() : reject(toError(message.error!))));
    worker.once('error', reject);
  });
  worker.on('message', (reply: Reply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (reply.error) waiting.reject(toError(reply.error));
    else waiting.resolve(reply);
  });
  worker.on('error', (error) => failAll(error));
  worker.on('exit', (code) => failAll(new Error(`the database thread stopped (exit code ${code})`)));
  return {
    query(sql, params = []) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: (reply) => resolve({ rows: reply.rows ?? [], ...(reply.affectedRows !== undefined ? { affectedRows: reply.affectedRows } : {}) }), reject });
        worker.postMessage({ id, sql, params });
      });
    },
    async close() {
      if (failure) return;
      const closed = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage({ close: true });
      await closed;
    },
  };
}

function toError(data: ErrorData): Error {
  const { message, name, ...fields } = data;
  return Object.assign(new Error(message), { name: name ?? 'Error' }, fields);
}
