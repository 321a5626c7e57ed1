// Cost and tokens by course, task and tier, for `primer usage`.
import type { ModelCallRecord } from './model-call-record.js';

export interface UsageRow {
  key: string;
  calls: number;
  failed: number;
  inputTokens: number;
  outputTokens: number;
  cachedTokens: number;
  costUsd: number;
}

export interface UsageSummary {
  since: string | null;
  calls: number;
  costUsd: number;
  byCourse: UsageRow[];
  byTask: UsageRow[];
  byTier: UsageRow[];
}

/** `since`: ISO date or time; records before it are left out. */
export function summarizeUsage(records: ModelCallRecord[], since: string | null = null): UsageSummary {
  const from = since ? Date.parse(since) : Number.NEGATIVE_INFINITY;
  const kept = records.filter((record) => Date.parse(record.time) >= from);
  return {
    since,
    calls: kept.length,
    costUsd: round(kept.reduce((sum, record) => sum + record.costUsd, 0)),
    byCourse: groupBy(kept, (record) => record.course ?? '(no course)'),
    byTask: groupBy(kept, (record) => record.task),
    byTier: groupBy(kept, (record) => record.tier),
  };
}

function groupBy(records: ModelCallRecord[], keyOf: (record: ModelCallRecord) => string): UsageRow[] {
  const rows = new Map<string, UsageRow>();
  for (const record of records) {
    const key = keyOf(record);
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { key, calls: 0, failed: 0, inputTokens: 0, outputTokens: 0, cachedTokens: 0, costUsd: 0 }));
    row.calls++;
    if (record.outcome !== 'ok' && record.outcome !== 'continued') row.failed++;
    row.inputTokens += record.inputTokens;
    row.outputTokens += record.outputTokens;
    row.cachedTokens += record.cachedTokens;
    row.costUsd += record.costUsd;
  }
  return [...rows.values()].map((row) => ({ ...row, costUsd: round(row.costUsd) })).sort((a, b) => b.costUsd - a.costUsd || a.key.localeCompare(b.key));
}

const round = (usd: number) => Math.round(usd * 1e6) / 1e6;
