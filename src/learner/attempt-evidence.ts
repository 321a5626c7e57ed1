// How much a graded attempt tells BKT. The rule (documented in docs/learner-model.md):
// - a revealing hint was shown → the attempt counts as incorrect, with full weight (as OATutor does);
// - correct after h non-revealing hints → correct, weight 1 / (1 + h);
// - partially correct → incorrect, weight 0.5 / (1 + h);
// - incorrect → incorrect, full weight (a hint does not make a wrong answer less telling);
// - unparseable → no evidence at all;
// - right again on an exercise solved less than `repeatGapHours` ago → no evidence: the learner may
//   just remember the answer (else answering one solved exercise three times would "master" a skill).
//   A day later, answering it right is retrieval, and counts again. A template exercise shows new
//   numbers after each right answer (ExerciseState.variant), so its answers always count.
import type { BktObservation } from './bkt.js';
import type { EventPayload } from './events.js';
import type { ExerciseState } from './learner-state.js';

/** Hours after a credited correct answer before the same exercise answered right counts again (20: the next day, at the same time of day or a little earlier). */
export const defaultRepeatGapHours = 20;

/** From when (epoch ms) a correct answer to this exercise counts as evidence: 0 if it was never solved. */
export function creditResumesAt(exercise: Pick<ExerciseState, 'solvedAt'> | undefined, repeatGapHours = defaultRepeatGapHours): number {
  return exercise?.solvedAt ? Date.parse(exercise.solvedAt) + repeatGapHours * 3_600_000 : 0;
}

/** True when `attempt`, made at `time` (epoch ms), is a right answer the learner may simply remember: same exercise, same numbers, solved too recently. */
export function remembersAnswer(exercise: Pick<ExerciseState, 'solvedAt'> | undefined, attempt: Pick<EventPayload<'attempt'>, 'verdict' | 'seed'>, time: number, repeatGapHours?: number): boolean {
  // A template exercise (an attempt with a seed) shows new numbers after each right answer, so its answers always tell.
  return attempt.verdict === 'correct' && attempt.seed === undefined && time < creditResumesAt(exercise, repeatGapHours);
}

export function attemptEvidence(attempt: Pick<EventPayload<'attempt'>, 'verdict' | 'hintsUsed' | 'revealed'>): BktObservation | undefined {
  if (attempt.verdict === 'unparseable') return undefined;
  if (attempt.revealed) return { correct: false, weight: 1 };
  const hints = Math.max(0, attempt.hintsUsed ?? 0);
  if (attempt.verdict === 'correct') return { correct: true, weight: 1 / (1 + hints) };
  if (attempt.verdict === 'partially-correct') return { correct: false, weight: 0.5 / (1 + hints) };
  return { correct: false, weight: 1 };
}
