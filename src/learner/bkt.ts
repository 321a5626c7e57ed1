// Bayesian Knowledge Tracing for one skill: a two-state hidden Markov model (learned / not yet).
// `mastery` is always the probability that the skill is learned at the learner's NEXT opportunity.
import { z } from 'zod';

export const bktParamsSchema = z.strictObject({
  prior: z.number().min(0).max(1).describe('P(L0): probability the skill is known before any practice.'),
  learn: z.number().min(0).max(1).describe('P(T): probability of learning the skill at each opportunity.'),
  guess: z.number().min(0).max(1).describe('P(G): probability of a correct answer without the skill.'),
  slip: z.number().min(0).max(1).describe('P(S): probability of a wrong answer despite the skill.'),
  forget: z.number().min(0).max(1).default(0).describe('P(F): probability of losing the skill at each opportunity (0 = classic BKT).'),
});
export type BktParams = z.infer<typeof bktParamsSchema>;

/** Used for skills with no fitted parameters. Values in the range pyBKT and OATutor use. */
export const defaultBktParams: BktParams = { prior: 0.3, learn: 0.15, guess: 0.2, slip: 0.1, forget: 0 };

/** One graded opportunity. `weight` in [0, 1] scales its evidence: 1 = full Bayesian update, 0 = no evidence. */
export interface BktObservation {
  correct: boolean;
  weight?: number;
}

/** Probability that the next answer is correct, given the current mastery. */
export function probabilityCorrect(mastery: number, params: BktParams): number {
  return mastery * (1 - params.slip) + (1 - mastery) * params.guess;
}

/** P(learned | this answer), before the learning transition. Partial evidence interpolates with the prior. */
export function masteryPosterior(mastery: number, observation: BktObservation, params: BktParams): number {
  const weight = observation.weight ?? 1;
  const ifLearned = observation.correct ? 1 - params.slip : params.slip;
  const ifNotLearned = observation.correct ? params.guess : 1 - params.guess;
  const evidence = mastery * ifLearned + (1 - mastery) * ifNotLearned;
  const bayes = evidence > 0 ? (mastery * ifLearned) / evidence : mastery;
  return weight * bayes + (1 - weight) * mastery;
}

/** The learning (and forgetting) transition between two opportunities. */
export function masteryTransition(posterior: number, params: BktParams): number {
  return posterior * (1 - params.forget) + (1 - posterior) * params.learn;
}

/**
 * Mastery after one graded opportunity: Bayes on the answer, then the transition.
 * @example updateMastery(0.3, { correct: true }, { prior: 0.3, learn: 0.15, guess: 0.2, slip: 0.1, forget: 0 }) // ≈ 0.7098
 */
export function updateMastery(mastery: number, observation: BktObservation, params: BktParams): number {
  return masteryTransition(masteryPosterior(mastery, observation, params), params);
}
