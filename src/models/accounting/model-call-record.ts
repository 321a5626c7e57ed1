// One row per model call (per attempt on a chain entry): what the router records for accounting.
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { taskNames, tierNames } from '../model-config.js';

export const modelCallRecordSchema = z.object({
  task: z.enum(taskNames),
  tier: z.enum(tierNames),
  provider: z.string(),
  model: z.string(),
  inputTokens: z.number(),
  outputTokens: z.number(),
  cachedTokens: z.number(),
  costUsd: z.number(),
  /** null when no token arrived. */
  timeToFirstTokenMs: z.number().nullable(),
  totalMs: z.number(),
  /** ok; continued (this call finished a reply another entry began); failed; timeout; cut (broke mid-reply); aborted (by the caller). */
  outcome: z.enum(['ok', 'continued', 'failed', 'timeout', 'cut', 'aborted']),
  /** Why this tier and entry: the escalation reasons, then fallback steps. */
  reason: z.string(),
  error: z.string().optional(),
  learner: z.string().optional(),
  course: z.string().optional(),
  /** ISO 8601 time the call started. */
  time: z.string(),
});
export type ModelCallRecord = z.infer<typeof modelCallRecordSchema>;

/** Where the router sends records. The store module will provide one writing its model_calls table. */
export interface ModelCallRecorder {
  record(call: ModelCallRecord): Promise<void>;
}

export interface MemoryRecorder extends ModelCallRecorder {
  records: ModelCallRecord[];
}

export function createMemoryRecorder(): MemoryRecorder {
  const records: ModelCallRecord[] = [];
  return {
    records,
    async record(call) {
      records.push(call);
    },
  };
}

/** Appends one JSON line per call: the stop-gap until the store is wired in (read by `primer usage`). */
export function createFileRecorder(file: string): ModelCallRecorder {
  let ready: Promise<unknown> | null = null;
  let chain: Promise<void> = Promise.resolve();
  return {
    record(call) {
      ready ??= mkdir(path.dirname(file), { recursive: true });
      chain = chain.then(() => ready).then(() => appendFile(file, `${JSON.stringify(call)}\n`));
      return chain;
    },
  };
}

/** Reads a JSONL file of records; lines that do not parse are counted, not thrown. */
export async function readRecordFile(file: string): Promise<{ records: ModelCallRecord[]; skipped: number }> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  const records: ModelCallRecord[] = [];
  let skipped = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const parsed = modelCallRecordSchema.safeParse(JSON.parse(line));
      if (parsed.success) records.push(parsed.data);
      else skipped++;
    } catch {
      skipped++;
    }
  }
  return { records, skipped };
}
