// Adaptive (Primer's policy) against fixed (every exercise once, in course order) on the same
// simulated population: each learner has the same true parameters in both runs.
import type { PublicBundle } from '../course/index.js';
import type { BktParams } from '../learner/index.js';
import { seededRandom as createSeededRandom } from '../exercise/index.js';
import { jitterParams, simulateCourse } from './simulate-course.js';
import { createSimulatedLearner } from './simulated-learner.js';
import { summarizeSimulation, type SimulationSummary } from './summarize-simulation.js';

export interface CompareProgressionsOptions {
  course: PublicBundle;
  /** Population parameters per skill; Primer's model uses exactly these. */
  params: Record<string, BktParams>;
  learners: number;
  seed: number;
  /** How much each learner's true parameters vary around the population's (default 0.5 = ±50%). */
  spread?: number;
  /** Probability that a learner holds a misconception on a given skill (default 0). */
  misconceptionRate?: number;
}

export interface ProgressionComparison {
  adaptive: SimulationSummary;
  fixed: SimulationSummary;
  /** Adaptive items per skill divided by fixed items per skill. */
  itemsRatio: number;
}

export function compareProgressions(options: CompareProgressionsOptions): ProgressionComparison {
  const skills = options.course.course.skills.map((skill) => skill.id);
  const runs = { adaptive: [] as ReturnType<typeof simulateCourse>[], fixed: [] as ReturnType<typeof simulateCourse>[] };
  for (let index = 0; index < options.learners; index++) {
    const population = createSeededRandom(options.seed * 1_000_003 + index);
    const truth = Object.fromEntries(skills.map((skill) => [skill, jitterParams(options.params[skill]!, population, options.spread ?? 0.5)]));
    const misconceptions = skills.filter(() => population() < (options.misconceptionRate ?? 0));
    for (const mode of ['adaptive', 'fixed'] as const) {
      const learner = createSimulatedLearner({ truth, misconceptions, random: createSeededRandom(options.seed * 7_919 + index) });
      runs[mode].push(simulateCourse({ course: options.course, learner, mode, seed: options.seed + index, model: { params: options.params } }));
    }
  }
  const adaptive = summarizeSimulation(runs.adaptive);
  const fixed = summarizeSimulation(runs.fixed);
  return { adaptive, fixed, itemsRatio: adaptive.itemsPerSkill / fixed.itemsPerSkill };
}
