// Model-call accounting in the database: the router's records go to the store's model_calls table,
// and `primer usage` reads them back.
import { modelCallRecordSchema, type ModelCallRecord, type ModelCallRecorder } from '../../models/index.js';
import type { Store } from '../../store/index.js';

export function createStoreModelCallRecorder(store: Store): ModelCallRecorder {
  return {
    async record(call) {
      await store.db
        .insertInto('model_calls')
        .values({
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
        })
        .execute();
    },
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
