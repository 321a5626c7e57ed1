// Expression answers: equivalent when both agree at many random points of the declared variable
// domains (the WeBWorK method); an optional form (simplified, factored, expanded) is checked after.
import type { MathNode } from 'mathjs';
import { describeProblem } from './answer-problem.js';
import { ExerciseKeyError } from './exercise-key-error.js';
import { hasForm, type ExpressionForm } from './expression-form.js';
import { builtinScope } from './math.js';
import { parseExpression } from './parse-expression.js';
import { hashString, seededRandom } from './seeded-random.js';
import { unparseable, type Verdict } from './verdict.js';

export interface ExpressionKey {
  answer: string;
  variables: Record<string, [number, number]>;
  form: ExpressionForm;
}

const points = 40;
const neededPoints = 12;

/** Judges an expression answer against `key`. */
export function checkExpression(key: ExpressionKey, answer: string): Verdict {
  const names = Object.keys(key.variables);
  const keyParsed = parseExpression(key.answer, names);
  if ('problem' in keyParsed) throw new ExerciseKeyError(`the key "${key.answer}" does not parse: ${describeProblem(keyParsed.problem)}`);
  const parsed = parseExpression(answer, names);
  if ('problem' in parsed) return unparseable(parsed.problem);
  const comparison = compareExpressions(parsed.node, keyParsed.node, key.variables);
  if (comparison !== 'equivalent') return { verdict: 'incorrect' };
  if (!hasForm(parsed.node, keyParsed.node, key.form)) {
    return { verdict: 'partially-correct', reason: 'wrong-form', problem: { code: `not-${key.form as Exclude<ExpressionForm, 'any'>}` } };
  }
  return { verdict: 'correct' };
}

/**
 * Compares two expressions at random points of the variable domains. 'incomparable' when the key
 * has too few points where it is a finite real number.
 */
export function compareExpressions(answer: MathNode, key: MathNode, domains: Record<string, [number, number]>): 'equivalent' | 'different' | 'incomparable' {
  const answerCode = answer.compile();
  const keyCode = key.compile();
  const random = seededRandom(hashString(key.toString()));
  const names = Object.keys(domains);
  let compared = 0;
  for (let attempt = 0; attempt < points * 3 && compared < points; attempt++) {
    const scope: Record<string, unknown> = { ...builtinScope };
    for (const name of names) {
      const [low, high] = domains[name] ?? [-1, 1];
      scope[name] = low + (high - low) * random();
    }
    const keyValue = evaluateReal(keyCode, scope);
    if (keyValue === undefined) continue;
    const answerValue = evaluateReal(answerCode, { ...scope });
    if (answerValue === undefined || !close(answerValue, keyValue)) return 'different';
    compared++;
    if (names.length === 0) break;
  }
  return compared >= (names.length === 0 ? 1 : neededPoints) ? 'equivalent' : 'incomparable';
}

function evaluateReal(code: { evaluate: (scope: Record<string, unknown>) => unknown }, scope: Record<string, unknown>): number | undefined {
  try {
    const value = code.evaluate(scope);
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-7 * Math.max(1, Math.abs(a), Math.abs(b));
}
