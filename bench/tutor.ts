// `npm run bench -- tutor`: the tutor's figures in one report — prompt tokens per turn against a
// naive prompt and the stable-prefix share (targets: ≥ 3× fewer, ≥ 70%), turn overhead without
// the model (p99 ≤ 10 ms on PGlite), and the guard's time per sentence (≤ 1 ms).
import type { BenchReport } from './report.js';
import guardSentences from './tutor/guard-sentences.js';
import turnPromptAndOverhead from './tutor/turn-prompt-and-overhead.js';

export default async function run(): Promise<BenchReport> {
  const parts = { turn: await turnPromptAndOverhead(), guard: await guardSentences() };
  return {
    figures: Object.fromEntries(Object.entries(parts).flatMap(([part, report]) => Object.entries(report.figures).map(([key, value]) => [`${part}.${key}`, value]))),
    table: Object.entries(parts).flatMap(([part, report]) => report.table.map((row) => ({ part, ...row }))),
    notes: Object.values(parts).flatMap((report) => report.notes ?? []),
  };
}
