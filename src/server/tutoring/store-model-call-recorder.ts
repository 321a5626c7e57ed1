// Model-call accounting in the database: the router's records go to the store's model_calls table,
// and `primer usage` reads them back.
import { modelCallRecordSchema, type ModelCallRecord, type ModelCallRecorder } from '../../models/index.js';
import type { Store } from '../../store/index.js';

export interface StoreModelCallRecorder extends ModelCallRecorder {
  /** Writes the calls still waiting (batched recorders); resolves once they are stored. */
  flush(): Promise<void>;
}

/**
 * Records each call as one row. With `batchMs`, calls wait up to that long (or until `batchSize`
 * have come) and go in as one multi-row insert, off the turn's path: a server answering many
 * turns a second then spends one statement on many calls. Call `flush()` before closing the store.
 */
export function createStoreModelCallRecorder(store: Store, options: { batchMs?: number; batchSize?: number } = {}): StoreModelCallRecorder {
  const insert = async (calls: ModelCallRecord[]) => {
    if (calls.length > 0) await store.db.insertInto('model_calls').values(calls.map(toRow)).execute();
  };
  const { batchMs } = options;
  if (batchMs === undefined) return { record: (call) => insert([call]), flush: async () => {} };
  const batchSize = options.batchSize ?? 500;
  let waiting: ModelCallRecord[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing = Promise.resolve();
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const calls = waiting;
    waiting = [];
    // One write at a time, in order; a failed write is reported, never thrown at the turn that came next.
    writing = writing.then(() => insert(calls)).catch((error: Error) => console.error(`Could not record ${calls.length} model call(s) in model_calls: ${error.message}`));
    return writing;
  };
  return {
    async record(call) {
      waiting.push(call);
      if (waiting.length >= batchSize) void flush();
      else timer ??= setTimeout(() => void flush(), batchMs);
    },
    flush,
  };
}

function toRow(call: ModelCallRecord) {
  return {
    time: new Date(call.time),
    task: call.task,
    tier: call.tier,
    provider: call.provider,
    model: call.model,
    input_tokens: Math.round(call.inputTokens),
    output_tokens: Math.round(call.outputTokens),
    cached_tokens: Math.round(call.cachedTokens),
    cost_usd: call.costUsd,
    ttft_ms: call.timeToFirstTokenMs === null ? null : Math.round(call.timeToFirstTokenMs),
    total_ms: Math.round(call.totalMs),
    outcome: call.outcome,
    reason: call.error ? `${call.reason} (${call.error})` : call.reason,
    learner: call.learner ?? null,
    course: call.course ?? null,
    turn: null,
  };
}

/** Every recorded call since `since` (ISO date, optional), oldest first. */
export async function readStoredModelCalls(store: Store, since?: string): Promise<ModelCallRecord[]> {
  let query = store.db.selectFrom('model_calls').selectAll().orderBy('time');
  if (since) query = query.where('time', '>=', new Date(since));
  const rows = await query.execute();
  return rows.map((row) =>
    modelCallRecordSchema.parse({
      task: row.task,
      tier: row.tier,
      provider: row.provider,
      model: row.model,
      inputTokens: row.input_tokens,
      outputTokens: row.output_tokens,
      cachedTokens: row.cached_tokens,
      costUsd: row.cost_usd,
      timeToFirstTokenMs: row.ttft_ms,
      totalMs: row.total_ms ?? 0,
      outcome: row.outcome,
      reason: row.reason ?? '',
      ...(row.learner ? { learner: row.learner } : {}),
      ...(row.course ? { course: row.course } : {}),
      time: new Date(row.time).toISOString(),
    }),
  );
}
