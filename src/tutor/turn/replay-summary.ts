// A re-sent turn id: the stored reply is shown again and no work is done twice.
import { phrasesFor } from '../../i18n/index.js';
import type { ShownPart } from '../../learner/index.js';
import type { JournalEntry } from './tutor-journal.js';
import type { TurnSummary, TutorStreamPart } from './turn-types.js';

export function replaySummary(turnId: string, reply: JournalEntry[], emit: (part: TutorStreamPart) => void): TurnSummary {
  const parts: TutorStreamPart[] = [];
  const summary: TurnSummary = { turnId, replayed: true, mode: 'model', language: '', text: '', parts, tools: [], verdicts: [], hints: [], citations: [], leaksBlocked: 0, tokens: { input: 0, output: 0, prompt: 0, stablePrefix: 0 }, notices: [] };
  let shown: ShownPart[] = []; // what the reply showed besides its text
  for (const entry of reply) {
    if (entry.type === 'message' && entry.payload.role === 'tutor') {
      summary.text = entry.payload.text;
      summary.language = entry.payload.language ?? '';
    } else if (entry.type === 'shown') {
      shown = entry.payload.parts;
    } else if (entry.type === 'attempt') {
      summary.verdicts.push({ exercise: entry.payload.exercise, verdict: entry.payload.verdict, ...(entry.payload.misconception ? { misconception: entry.payload.misconception } : {}) });
    } else if (entry.type === 'hint') {
      summary.hints.push({ exercise: entry.payload.exercise, rung: entry.payload.rung, reveals: entry.payload.reveals });
    } else if (entry.type === 'activity') {
      const { kind, reason, lesson, exercise } = entry.payload;
      summary.activity = { kind, reason, ...(lesson ? { lesson } : {}), ...(exercise ? { exercise } : {}) };
    }
  }
  const show = (part: TutorStreamPart) => {
    parts.push(part);
    emit(part);
  };
  show({ type: 'notice', code: 'replayed', message: phrasesFor(summary.language || 'en')('notice.replayed') });
  // Verdicts and hints before the words about them, an exercise after the words that lead to it.
  for (const part of shown) if (part.type !== 'exercise') show(part);
  if (summary.text) show({ type: 'text-delta', text: summary.text });
  for (const part of shown) if (part.type === 'exercise') show(part);
  return summary;
}
