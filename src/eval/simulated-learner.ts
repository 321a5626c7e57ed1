// A simulated learner with known, true BKT parameters per skill: they know a skill or not, answer
// accordingly (guess, slip), and may learn at each lesson and practice item. A misconception on a
// skill makes every unlearned answer wrong (no lucky guesses) and halves learning from practice.
import type { BktParams } from '../learner/index.js';

export interface SimulatedLearnerSpec {
  /** True parameters per skill id (forget is ignored within a session). */
  truth: Record<string, BktParams>;
  /** Skill ids on which this learner holds a misconception. */
  misconceptions?: string[];
  random: () => number;
}

export interface SimulatedLearner {
  knows(skill: string): boolean;
  /** Reads a lesson: one chance to learn each of its skills. */
  study(skills: string[]): void;
  /** Answers an exercise on these skills (correct only if every skill's draw succeeds), then may learn from the feedback. */
  answer(skills: string[]): boolean;
}

export function createSimulatedLearner(spec: SimulatedLearnerSpec): SimulatedLearner {
  const { truth, random } = spec;
  const misconceptions = new Set(spec.misconceptions ?? []);
  const known = new Map<string, boolean>();
  const params = (skill: string) => {
    const value = truth[skill];
    if (!value) throw new Error(`simulated learner has no true parameters for skill "${skill}"`);
    return value;
  };
  const knows = (skill: string) => {
    let value = known.get(skill);
    if (value === undefined) known.set(skill, (value = random() < params(skill).prior));
    return value;
  };
  const learn = (skill: string, rate: number) => {
    if (!knows(skill) && random() < rate) known.set(skill, true);
  };
  return {
    knows,
    study(skills) {
      for (const skill of skills) learn(skill, params(skill).learn);
    },
    answer(skills) {
      let correct = true;
      for (const skill of skills) {
        const { guess, slip } = params(skill);
        const success = knows(skill) ? random() >= slip : !misconceptions.has(skill) && random() < guess;
        correct &&= success;
      }
      for (const skill of skills) learn(skill, params(skill).learn / (misconceptions.has(skill) ? 2 : 1));
      return correct;
    },
  };
}
