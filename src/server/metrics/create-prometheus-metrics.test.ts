import { describe, expect, it } from 'vitest';
import { createMemoryRecorder, type ModelCallRecord } from '../../models/index.js';
import { createPrometheusMetrics } from './create-prometheus-metrics.js';
import { recordModelCallMetrics } from './record-model-call-metrics.js';

const call: ModelCallRecord = {
  task: 'tutor', tier: 'standard', provider: 'openai', model: 'gpt-test', inputTokens: 1200, outputTokens: 300, cachedTokens: 1000,
  costUsd: 0.0042, timeToFirstTokenMs: 180, totalMs: 900, outcome: 'ok', reason: 'default tier', time: '2026-03-02T09:00:00.000Z',
};

describe('Prometheus metrics', () => {
  it('counts model calls by task, tier, provider and outcome, with cost and tokens, and still records them', async () => {
    const metrics = createPrometheusMetrics({ processMetrics: false });
    const store = createMemoryRecorder();
    const recorder = recordModelCallMetrics(metrics, store);
    await recorder.record(call);
    await recorder.record({ ...call, outcome: 'timeout', costUsd: 0, outputTokens: 0, cachedTokens: 0 });
    const { text, contentType } = await metrics.render();
    expect(contentType).toMatch(/^text\/plain/);
    expect(text).toContain('primer_model_calls_total{task="tutor",tier="standard",provider="openai",outcome="ok"} 1');
    expect(text).toContain('primer_model_calls_total{task="tutor",tier="standard",provider="openai",outcome="timeout"} 1');
    expect(text).toContain('primer_model_cost_usd_total{task="tutor",tier="standard"} 0.0042');
    expect(text).toContain('primer_model_tokens_total{task="tutor",tier="standard",kind="input"} 2400');
    expect(text).toContain('primer_model_tokens_total{task="tutor",tier="standard",kind="cached"} 1000');
    expect(store.records).toHaveLength(2);
  });

  it('keeps each server its own counts (no global registry)', async () => {
    const first = createPrometheusMetrics({ processMetrics: false });
    const second = createPrometheusMetrics({ processMetrics: false });
    first.turn({ course: 'backprop', mode: 'model', firstPartMs: 40, totalMs: 1500 });
    first.response(503);
    expect((await first.render()).text).toContain('primer_tutor_turns_total{course="backprop",mode="model"} 1');
    expect((await first.render()).text).toContain('primer_tutor_turn_first_part_seconds_bucket{le="0.05",mode="model"} 1');
    expect((await first.render()).text).toContain('primer_http_responses_total{class="5xx"} 1');
    expect((await second.render()).text).not.toContain('course="backprop"');
  });
});
