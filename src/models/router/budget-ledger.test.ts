import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryRecorder } from '../accounting/model-call-record.js';
import { modelConfigSchema } from '../model-config.js';
import { startOpenAITestServer, type OpenAITestServer } from '../testing/openai-test-server.js';
import { budgetLinesFor, createMemoryBudgetStore, nanoToUsd } from './budget-ledger.js';
import { createRouter } from './create-router.js';

describe('budget store', () => {
  it('reserves on every line or on none', async () => {
    const store = createMemoryBudgetStore();
    const lines = budgetLinesFor({ learnerPerDayUsd: 1, deploymentPerMonthUsd: 0.5 }, { learner: 'ada' }, Date.parse('2026-11-26T12:00:00Z'));
    expect(lines.map((line) => line.key)).toEqual(['learner:ada:day:2026-11-26', 'deployment:month:2026-11']);
    const first = await store.reserve(lines, 400_000_000);
    expect(first.ok).toBe(true);
    const second = await store.reserve(lines, 200_000_000);
    expect(second).toMatchObject({ ok: false, line: { label: 'deployment budget per month' } });
    expect(await store.used('learner:ada:day:2026-11-26')).toBe(400_000_000);
    if (first.ok) await store.settle(first.reservation, 100_000_000);
    expect(await store.used('deployment:month:2026-11')).toBe(100_000_000);
  });
});

describe('budgets in the router', () => {
  let server: OpenAITestServer;
  beforeAll(async () => {
    // Every reply reports 20 input and 500 output tokens.
    server = await startOpenAITestServer({ respond: () => ({ reply: 'A short answer.', usage: { promptTokens: 20, completionTokens: 500 } }) });
  });
  afterAll(() => server.close());

  const config = () =>
    modelConfigSchema.parse({
      providers: { cloud: { type: 'openai-compatible', baseURL: server.url }, backup: { type: 'openai-compatible', baseURL: server.url } },
      tiers: {
        local: { chain: [{ provider: 'cloud', model: 'free-small' }] },
        standard: {
          maxOutputTokens: 500,
          // $1 per million input, $2 per million output.
          chain: [
            { provider: 'cloud', model: 'paid', price: { inputPerMillion: 1, outputPerMillion: 2 } },
            { provider: 'backup', model: 'paid-backup', price: { inputPerMillion: 10, outputPerMillion: 20 } },
          ],
        },
      },
      tasks: { tutor: 'standard' },
      budgets: { learnerPerDayUsd: 0.05 },
    });

  it('never overspends under concurrency: racing calls past the budget step down to the free tier', async () => {
    const recorder = createMemoryRecorder();
    const budgetStore = createMemoryBudgetStore();
    const now = Date.parse('2026-11-26T09:00:00Z');
    const router = createRouter({ config: config(), recorder, budgetStore, clock: { now: () => now }, sleep: async () => {} });
    const calls = await Promise.all(
      Array.from({ length: 60 }, async () => {
        const routed = await router.stream({ task: 'tutor', learner: 'ada', prompt: 'What is a derivative?' });
        if (routed.noModel) return 'none';
        await routed.result.text;
        return routed.route.servedBy!.model;
      }),
    );
    const paid = recorder.records.filter((record) => record.model === 'paid');
    const spent = paid.reduce((sum, record) => sum + record.costUsd, 0);
    // Each paid call settles at 20 × $1/M + 500 × $2/M = $0.00102; 49 would fit in $0.05, the 50th would not.
    expect(paid.every((record) => Math.abs(record.costUsd - 0.00102) < 1e-12)).toBe(true);
    expect(spent).toBeLessThanOrEqual(0.05);
    expect(paid.length).toBeGreaterThanOrEqual(40);
    expect(calls.filter((model) => model === 'free-small').length).toBe(60 - paid.length);
    // The ledger holds exactly what the calls cost, with nothing left reserved.
    expect(await budgetStore.used('learner:ada:day:2026-11-26')).toBe(paid.length * 1_020_000);
    // The dearer backup was never used to get around the budget.
    expect(recorder.records.some((record) => record.model === 'paid-backup')).toBe(false);
  });

  it('says no model when even the cheapest tier is over budget', async () => {
    const strict = config();
    strict.tiers.local!.chain[0]!.price = { inputPerMillion: 1, outputPerMillion: 1 };
    strict.budgets.learnerPerDayUsd = 0.000001;
    const routed = await createRouter({ config: strict }).stream({ task: 'tutor', learner: 'ada', prompt: 'hi' });
    expect(routed.noModel).toBe(true);
    if (routed.noModel) expect(routed.reason).toContain('learner budget per day');
  });

  it('budgets are per learner and per day', () => {
    const lines = budgetLinesFor({ learnerPerDayUsd: 0.05, coursePerMonthUsd: 10 }, { learner: 'a', course: 'c' }, Date.parse('2026-12-01T00:00:01Z'));
    expect(lines.map((line) => [line.key, nanoToUsd(line.limitNanoUsd)])).toEqual([
      ['learner:a:day:2026-12-01', 0.05],
      ['course:c:month:2026-12', 10],
    ]);
  });
});
