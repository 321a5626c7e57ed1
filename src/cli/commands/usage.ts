// `primer usage`: model cost by course, task and tier, from the recorded model calls.
import path from 'node:path';
import { Command } from 'commander';
import { readRecordFile, resolveModelCallLog, summarizeUsage, type UsageRow } from '../../models/index.js';

export function usageCommand(): Command {
  return new Command('usage')
    .description('Print model cost and tokens by course, task and tier.')
    .option('--since <date>', 'only calls from this date or time on (ISO 8601, e.g. 2026-11-01)')
    .option('--json', 'print JSON instead of tables')
    .option('--file <file>', 'the model-calls log (default <PRIMER_DATA or ./primer-data>/model-calls.jsonl)')
    .action(async (options: { since?: string; json?: boolean; file?: string }) => {
      if (options.since && Number.isNaN(Date.parse(options.since))) {
        console.error(`primer: --since "${options.since}" is not a date; use e.g. 2026-11-01`);
        process.exitCode = 2;
        return;
      }
      const file = options.file ? path.resolve(options.file) : resolveModelCallLog(process.env, process.cwd());
      const { records, skipped } = await readRecordFile(file);
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
