// One line of `primer guard --jsonl`: `{answer, type, text, context?}` in, `{leak, evidence}` or
// `{error}` out. A malformed line is reported as data, so the lines after it are still checked.
import { z } from 'zod';
import { detectLeak } from './detect-leak.js';
import { guardKeyFromAnswer } from './guard-key.js';

export const guardRequestSchema = z.strictObject({
  answer: z.union([z.number(), z.string(), z.array(z.string()).min(1)]).describe('The key: a number, an expression, the correct choice letter or text, an accepted text answer (or a list of them), or the solution code.'),
  type: z.enum(['numeric', 'expression', 'choice', 'text', 'code']).describe('The answer type of the exercise.'),
  text: z.string().describe('One sentence (or more) of a model reply to check.'),
  context: z.union([z.string(), z.array(z.string())]).optional().describe('What the learner has already seen or written: the problem text, their own attempts.'),
});

export type GuardRequest = z.infer<typeof guardRequestSchema>;
export type GuardLineResult = { leak: boolean; evidence: string | null } | { error: string };

/** Checks one JSON line; `lineNumber` (1-based) names the line in an error. */
export function guardJsonLine(line: string, lineNumber: number): GuardLineResult {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { error: `line ${lineNumber}: not valid JSON (${(error as Error).message})` };
  }
  const parsed = guardRequestSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? `"${issue.path.join('.')}": ` : '';
    return { error: `line ${lineNumber}: ${where}${issue.message}; expected {"answer": …, "type": "numeric|expression|choice|text|code", "text": "…", "context": "…"}` };
  }
  const request = parsed.data;
  const key = guardKeyFromAnswer(request.answer, request.type);
  if ('error' in key) return { error: `line ${lineNumber}: ${key.error}` };
  const verdict = detectLeak(key, request.text, request.context);
  return { leak: verdict.leak, evidence: verdict.evidence ?? null };
}
