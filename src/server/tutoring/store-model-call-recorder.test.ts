import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli-run.js';
import { parseEventPayload, type EventType } from '../../learner/index.js';
import { createRouter, modelConfigSchema, startOpenAITestServer } from '../../models/index.js';
import { createStore, openStore, openTestDatabase, resolveDatabaseConfig } from '../../store/index.js';
import { createStoreModelCallRecorder, readStoredModelCalls } from './store-model-call-recorder.js';

const data = await mkdtemp(path.join(tmpdir(), 'primer-usage-db-'));
afterAll(() => rm(data, { recursive: true, force: true }));

describe('model calls in the database', () => {
  it('records every routed call in model_calls, and primer usage reports them by course, task and tier', async () => {
    const server = await startOpenAITestServer();
    const store = await openStore(resolveDatabaseConfig({ data, environment: {} }), { parseEvent: (type, payload) => parseEventPayload(type as EventType, payload) });
    try {
      const config = modelConfigSchema.parse({
        providers: { local: { type: 'openai-compatible', baseURL: server.url } },
        tiers: { local: { chain: [{ provider: 'local', model: 'tiny', price: { inputPerMillion: 1, outputPerMillion: 2 } }] } },
        tasks: { translate: 'local' },
      });
      const router = createRouter({ config, recorder: createStoreModelCallRecorder(store) });
      const usage = { promptTokens: 1000, completionTokens: 10 };
      server.enqueue({ reply: 'Hello there.', usage }, { reply: 'Hola.', usage });
      for (const task of ['tutor', 'translate'] as const) {
        const routed = await router.generate({ task, course: 'backprop', learner: 'l1', prompt: 'Say hello' });
        expect(routed.noModel).toBe(false);
      }
    } finally {
      await store.close();
      await server.close();
    }
    const { code, output } = await runCli(['usage', '--data', data, '--json']);
    expect(code).toBe(0);
    const summary = JSON.parse(output);
    expect(summary.calls).toBe(2);
    expect(summary.byCourse).toMatchObject([{ key: 'backprop', calls: 2 }]);
    expect(summary.byTask.map((row: { key: string }) => row.key).sort()).toEqual(['translate', 'tutor']);
    expect(summary.costUsd).toBeGreaterThan(0);
  });

  it('writes batched calls within the batch time, and the rest when flushed before closing', async () => {
    const store = createStore({ database: await openTestDatabase('pglite'), parseEvent: (type, payload) => parseEventPayload(type as EventType, payload) });
    try {
      const recorder = createStoreModelCallRecorder(store, { batchMs: 20 });
      const call = { task: 'tutor', tier: 'local', provider: 'local', model: 'tiny', inputTokens: 10, outputTokens: 5, cachedTokens: 0, costUsd: 0, timeToFirstTokenMs: 3, totalMs: 9, outcome: 'ok', reason: 'default tier', course: 'backprop', time: '2026-03-02T09:00:00.000Z' } as const;
      await recorder.record({ ...call, learner: 'l1' });
      await recorder.record({ ...call, learner: 'l2' });
      await expect.poll(async () => (await readStoredModelCalls(store)).map((stored) => stored.learner).sort()).toEqual(['l1', 'l2']);
      await recorder.record({ ...call, learner: 'l3' });
      await recorder.flush();
      expect((await readStoredModelCalls(store)).map((stored) => stored.learner).sort()).toEqual(['l1', 'l2', 'l3']);
    } finally {
      await store.close();
    }
  });
});
