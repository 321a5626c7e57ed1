// The server's Prometheus metrics, in a registry of their own (never prom-client's global one,
// so two servers in one process, as in tests, keep separate counts). Served at /metrics.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ModelCallRecord } from '../../models/index.js';
import type { ServerMetrics } from '../server-context.js';

/** What createApp needs to serve /metrics and count responses. */
export interface MetricsEndpoint {
  /** Counts one HTTP response by status class (2xx, 4xx, 5xx, ...). */
  response(status: number): void;
  /** The Prometheus text exposition of every metric. */
  render(): Promise<{ contentType: string; text: string }>;
}

export interface PrometheusMetrics extends ServerMetrics, MetricsEndpoint {
  /** Counts one model call the router recorded: by task, tier, provider and outcome, with its cost and tokens. */
  modelCall(call: ModelCallRecord): void;
  /** Counts one backup of the data folder; a written one also sets when and how big (alert when it grows old). */
  backup(outcome: { written: { bytes: number; at: Date } } | { failed: true }): void;
  registry: Registry;
}

const firstPartBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const totalBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120];

/**
 * @example
 * const metrics = createPrometheusMetrics();
 * metrics.turn({ course: 'backprop', mode: 'model', firstPartMs: 120, totalMs: 2400 });
 * (await metrics.render()).text // includes primer_tutor_turns_total{course="backprop",mode="model"} 1
 */
export function createPrometheusMetrics(options: { processMetrics?: boolean } = {}): PrometheusMetrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const turns = new Counter({ name: 'primer_tutor_turns_total', help: 'Tutor turns answered, by course and how they were answered (model, no-model, command, replayed, error).', labelNames: ['course', 'mode'] as const, registers });
  const firstPart = new Histogram({ name: 'primer_tutor_turn_first_part_seconds', help: 'Time from a turn request to the first part streamed to the learner.', labelNames: ['mode'] as const, buckets: firstPartBuckets, registers });
  const total = new Histogram({ name: 'primer_tutor_turn_seconds', help: 'Time a tutor turn took in total.', labelNames: ['mode'] as const, buckets: totalBuckets, registers });
  const modelCalls = new Counter({ name: 'primer_model_calls_total', help: 'Model calls (one per attempt on a chain entry), by task, tier, provider and outcome.', labelNames: ['task', 'tier', 'provider', 'outcome'] as const, registers });
  const cost = new Counter({ name: 'primer_model_cost_usd_total', help: 'Model cost in US dollars, by task and tier.', labelNames: ['task', 'tier'] as const, registers });
  const tokens = new Counter({ name: 'primer_model_tokens_total', help: 'Model tokens, by task, tier and kind (input, output, cached).', labelNames: ['task', 'tier', 'kind'] as const, registers });
  const backups = new Counter({ name: 'primer_backups_total', help: 'Backups of the PGlite data folder, by outcome (written, failed).', labelNames: ['outcome'] as const, registers });
  const lastBackup = new Gauge({ name: 'primer_backup_last_written_timestamp_seconds', help: 'When the newest backup of the data folder was written (Unix time).', registers });
  const lastBackupBytes = new Gauge({ name: 'primer_backup_last_written_bytes', help: 'The size of the newest backup of the data folder.', registers });
  const responses = new Counter({ name: 'primer_http_responses_total', help: 'HTTP responses by status class (2xx, 3xx, 4xx, 5xx).', labelNames: ['class'] as const, registers });

  return {
    registry,
    turn(outcome) {
      turns.inc({ course: outcome.course, mode: outcome.mode });
      if (outcome.firstPartMs !== undefined) firstPart.observe({ mode: outcome.mode }, outcome.firstPartMs / 1000);
      total.observe({ mode: outcome.mode }, outcome.totalMs / 1000);
    },
    modelCall(call) {
      modelCalls.inc({ task: call.task, tier: call.tier, provider: call.provider, outcome: call.outcome });
      if (call.costUsd > 0) cost.inc({ task: call.task, tier: call.tier }, call.costUsd);
      for (const [kind, count] of [['input', call.inputTokens], ['output', call.outputTokens], ['cached', call.cachedTokens]] as const) {
        if (count > 0) tokens.inc({ task: call.task, tier: call.tier, kind }, count);
      }
    },
    backup(outcome) {
      if ('failed' in outcome) return void backups.inc({ outcome: 'failed' });
      backups.inc({ outcome: 'written' });
      lastBackup.set(outcome.written.at.getTime() / 1000);
      lastBackupBytes.set(outcome.written.bytes);
    },
    response(status) {
      responses.inc({ class: `${Math.floor(status / 100)}xx` });
    },
    async render() {
      return { contentType: registry.contentType, text: await registry.metrics() };
    },
  };
}
