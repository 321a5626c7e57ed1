import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ModelCallRecord } from '../../models/index.js';
import { main } from '../index.js';

const record = (overrides: Partial<ModelCallRecord>): ModelCallRecord => ({
  task: 'tutor',
  tier: 'local',
  provider: 'embedded',
  model: 'qwen',
  inputTokens: 100,
  outputTokens: 50,
  cachedTokens: 0,
  costUsd: 0,
  timeToFirstTokenMs: 80,
  totalMs: 900,
  outcome: 'ok',
  reason: 'default for tutor: local',
  course: 'calculus',
  time: '2026-11-20T10:00:00.000Z',
  ...overrides,
});

afterEach(() => vi.restoreAllMocks());

describe('primer usage', () => {
  it('prints cost by course, task and tier, from a date on, as JSON', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'primer-usage-')), 'model-calls.jsonl');
    const lines = [
      record({}),
      record({ task: 'translate', tier: 'standard', provider: 'openai', costUsd: 0.0125, course: 'algebra' }),
      record({ task: 'tutor', tier: 'frontier', provider: 'anthropic', costUsd: 0.03, outcome: 'failed' }),
      record({ costUsd: 5, time: '2026-10-01T00:00:00.000Z' }),
    ];
    await writeFile(file, `${lines.map((line) => JSON.stringify(line)).join('\n')}\nnot json\n`);
    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((text: unknown) => void printed.push(String(text)));

    expect(await main(['node', 'primer', 'usage', '--file', file, '--since', '2026-11-01', '--json'])).toBe(0);
    const summary = JSON.parse(printed.join('\n')) as { calls: number; costUsd: number; skipped: number; byCourse: { key: string; costUsd: number }[]; byTier: { key: string; failed: number }[] };
    expect(summary.calls).toBe(3);
    expect(summary.costUsd).toBeCloseTo(0.0425, 10);
    expect(summary.skipped).toBe(1);
    expect(summary.byCourse).toMatchObject([{ key: 'calculus', costUsd: 0.03 }, { key: 'algebra', costUsd: 0.0125 }]);
    expect(summary.byTier.find((row) => row.key === 'frontier')?.failed).toBe(1);
  });

  it('rejects a --since that is not a date', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const code = await main(['node', 'primer', 'usage', '--since', 'last tuesday', '--file', '/nonexistent.jsonl']);
    process.exitCode = undefined;
    expect(code).toBe(2);
  });
});
