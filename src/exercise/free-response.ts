// Free-response answers are graded against the teacher's rubric by a grader (a model, in the tutor
// module). This file fixes the contract: what a grader receives and what it must return.
import { z } from 'zod';
import type { Verdict } from './verdict.js';

export interface RubricCriterion {
  criterion: string;
  points: number;
}

export interface FreeResponseGradingInput {
  prompt: string;
  rubric: RubricCriterion[];
  reference: string; // the teacher's model answer: for the grader only, never shown
  answer: string;
  language?: string;
}

/** What a grader returns, one entry per rubric criterion (validated with Zod, since it comes from a model). */
export const freeResponseGradeSchema = z.object({
  criteria: z.array(
    z.object({
      criterion: z.string(),
      awarded: z.number().min(0),
      comment: z.string().optional(), // why, phrased for the learner, without quoting the reference
    }),
  ),
  feedback: z.string().optional(),
});
export type FreeResponseGrade = z.infer<typeof freeResponseGradeSchema>;

/** Grades a free-response answer against a rubric. */
export type FreeResponseGrader = (input: FreeResponseGradingInput) => Promise<FreeResponseGrade>;

export interface RubricScore {
  points: number;
  maxPoints: number;
  criteria: { criterion: string; points: number; awarded: number; comment?: string }[];
}

/** Scores a grade against the rubric: points capped per criterion, unknown or missing criteria count 0. */
export function scoreRubric(rubric: RubricCriterion[], grade: FreeResponseGrade): RubricScore {
  const criteria = rubric.map((item, index) => {
    const graded = grade.criteria.find((entry) => entry.criterion === item.criterion) ?? grade.criteria[index];
    const awarded = Math.min(item.points, Math.max(0, graded?.awarded ?? 0));
    return { criterion: item.criterion, points: item.points, awarded, ...(graded?.comment ? { comment: graded.comment } : {}) };
  });
  return {
    points: criteria.reduce((sum, item) => sum + item.awarded, 0),
    maxPoints: rubric.reduce((sum, item) => sum + item.points, 0),
    criteria,
  };
}

/** Turns a rubric score into a verdict: all points correct, none incorrect, anything between partially correct. */
export function verdictFromRubric(score: RubricScore, feedback?: string): Verdict & { rubric: RubricScore } {
  const verdict = score.points >= score.maxPoints ? 'correct' : score.points <= 0 ? 'incorrect' : 'partially-correct';
  return { verdict, rubric: score, problem: { code: 'rubric-score', values: { points: score.points, maxPoints: score.maxPoints } }, ...(feedback ? { feedback } : {}) };
}
