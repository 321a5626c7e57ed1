// `primer usage`: model cost by course, task and tier, from the recorded model calls.
import path from 'node:path';
import { Command } from 'commander';
import { parseEventPayload, type EventType } from '../../learner/index.js';
import { readRecordFile, summarizeUsage, type ModelCallRecord, type UsageRow } from '../../models/index.js';
import { describeDatabaseConfig, openStore, resolveDatabaseConfig } from '../../store/index.js';
import { readStoredModelCalls } from '../../server/index.js';

export function usageCommand(): Command {
  return new Command('usage')
    .description('Print model cost and tokens by course, task and tier.')
    .option('--since <date>', 'only calls from this date or time on (ISO 8601, e.g. 2026-11-01)')
    .option('--json', 'print JSON instead of tables')
    .option('--data <dir>', 'the PGlite data folder the calls were recorded in (default: PRIMER_DATA or ./primer-data; DATABASE_URL for PostgreSQL)')
    .option('--file <file>', 'read a JSON-lines log written by the file recorder instead of the database')
    .action(async (options: { since?: string; json?: boolean; file?: string; data?: string }) => {
      if (options.since && Number.isNaN(Date.parse(options.since))) {
        console.error(`primer: --since "${options.since}" is not a date; use e.g. 2026-11-01`);
        process.exitCode = 2;
        return;
      }
      let records: ModelCallRecord[];
      let skipped = 0;
      let file: string;
      if (options.file) {
        file = path.resolve(options.file);
        ({ records, skipped } = await readRecordFile(file));
      } else {
        const config = resolveDatabaseConfig({ ...(options.data ? { data: options.data } : {}), environment: process.env });
        file = describeDatabaseConfig(config);
        const store = await openStore(config, { parseEvent: (type, payload) => parseEventPayload(type as EventType, payload) });
        try {
          records = await readStoredModelCalls(store, options.since);
        } finally {
          await store.close();
        }
      }
      const summary = summarizeUsage(records, options.since ?? null);
      if (options.json) {
        console.log(JSON.stringify({ file, skipped, ...summary }, null, 2));
        return;
      }
      console.log(`${summary.calls} model calls${options.since ? ` since ${options.since}` : ''}, $${summary.costUsd.toFixed(4)} in all (${file})`);
      if (skipped) console.log(`(${skipped} unreadable lines skipped)`);
      for (const [title, rows] of [['course', summary.byCourse], ['task', summary.byTask], ['tier', summary.byTier]] as const) {
        if (rows.length === 0) continue;
        console.log(`\nby ${title}`);
        console.table(rows.map((row: UsageRow) => ({ [title]: row.key, calls: row.calls, failed: row.failed, 'input tokens': row.inputTokens, 'output tokens': row.outputTokens, 'cached tokens': row.cachedTokens, 'cost $': row.costUsd })));
      }
    });
}
