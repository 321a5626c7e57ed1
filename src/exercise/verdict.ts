// What a checker tells the learner (and the tutor) about an answer. Never contains the key.
import { z } from 'zod';
import { answerProblemSchema, type AnswerProblem } from './answer-problem.js';

export const verdictKindSchema = z.enum(['correct', 'partially-correct', 'incorrect', 'unparseable']);
export type VerdictKind = z.infer<typeof verdictKindSchema>;

/** Why a verdict is what it is, for code that reacts to it (the tutor, the dashboard). */
export const verdictReasonSchema = z.enum([
  'wrong-form', // equivalent but not in the requested form
  'incompatible-unit',
  'time-limit',
  'memory-limit',
  'output-limit',
  'needs-grader', // free response with no grader configured
]);
export type VerdictReason = z.infer<typeof verdictReasonSchema>;

export const testResultSchema = z.object({
  name: z.string(),
  passed: z.boolean(),
  message: z.string().optional(), // the teacher's message when the test failed, plus what went wrong
});
export type TestResult = z.infer<typeof testResultSchema>;

export const verdictSchema = z.object({
  verdict: verdictKindSchema,
  feedback: z.string().optional(), // the teacher's feedback for a recognised mistake
  misconception: z.string().optional(), // id of the misconception behind that mistake
  problem: answerProblemSchema.optional(), // what Primer noticed: expected form, unit problems, limits hit
  message: z.string().optional(), // that problem in the learner's language (set by checkAnswer)
  reason: verdictReasonSchema.optional(),
  tests: z.array(testResultSchema).optional(),
  output: z.string().optional(), // what the learner's own code printed (code exercises)
});
export type Verdict = z.infer<typeof verdictSchema>;

export function unparseable(problem: AnswerProblem): Verdict {
  return { verdict: 'unparseable', problem };
}
