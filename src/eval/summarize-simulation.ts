// Summary figures over many simulated learner runs.
import type { LearnerRun } from './simulate-course.js';

export interface SimulationSummary {
  learners: number;
  /** Mean practice items per learner to finish the course (adaptive: until the policy says finished). */
  itemsToFinish: number;
  /** Mean practice items per (learner, skill): until declared mastered (adaptive) or all of the skill's items (fixed). */
  itemsPerSkill: number;
  /** Mean items to declared mastery over the (learner, skill) pairs that were declared mastered. */
  itemsToDeclaredMastery: number;
  /** Share of mastery declarations made while the skill was truly not known. */
  falseMasteryRate: number;
  /** Share of (learner, skill) pairs truly known at the end. */
  trueMasteryAtEnd: number;
  /** Share of (learner, skill) pairs declared mastered by the end. */
  declaredMasteryAtEnd: number;
  finishedRate: number;
}

const mean = (values: number[]) => (values.length === 0 ? Number.NaN : values.reduce((sum, value) => sum + value, 0) / values.length);

export function summarizeSimulation(runs: LearnerRun[]): SimulationSummary {
  const skills = runs.flatMap((run) => run.skills);
  const declared = skills.filter((skill) => skill.itemsToDeclaredMastery !== undefined);
  return {
    learners: runs.length,
    itemsToFinish: mean(runs.map((run) => run.items)),
    itemsPerSkill: mean(skills.map((skill) => skill.items)),
    itemsToDeclaredMastery: mean(declared.map((skill) => skill.itemsToDeclaredMastery!)),
    falseMasteryRate: declared.length === 0 ? 0 : declared.filter((skill) => skill.falseMastery).length / declared.length,
    trueMasteryAtEnd: mean(skills.map((skill) => (skill.trulyMasteredAtEnd ? 1 : 0))),
    declaredMasteryAtEnd: declared.length / Math.max(skills.length, 1),
    finishedRate: mean(runs.map((run) => (run.finished ? 1 : 0))),
  };
}
