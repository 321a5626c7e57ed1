// How much a graded attempt tells BKT. The rule (documented in docs/learner-model.md):
// - a revealing hint was shown → the attempt counts as incorrect, with full weight (as OATutor does);
// - correct after h non-revealing hints → correct, weight 1 / (1 + h);
// - partially correct → incorrect, weight 0.5 / (1 + h);
// - incorrect → incorrect, full weight (a hint does not make a wrong answer less telling);
// - unparseable → no evidence at all.
import type { BktObservation } from './bkt.js';
import type { EventPayload } from './events.js';

export function attemptEvidence(attempt: Pick<EventPayload<'attempt'>, 'verdict' | 'hintsUsed' | 'revealed'>): BktObservation | undefined {
  if (attempt.verdict === 'unparseable') return undefined;
  if (attempt.revealed) return { correct: false, weight: 1 };
  const hints = Math.max(0, attempt.hintsUsed ?? 0);
  if (attempt.verdict === 'correct') return { correct: true, weight: 1 / (1 + hints) };
  if (attempt.verdict === 'partially-correct') return { correct: false, weight: 0.5 / (1 + hints) };
  return { correct: false, weight: 1 };
}
