// Numeric answers: tolerance, fractions, percent, localized decimals and units.
import type { Tolerance } from '../course/index.js';
import { expecting } from './answer-problem.js';
import { ExerciseKeyError } from './exercise-key-error.js';
import { math } from './math.js';
import { parseNumber } from './parse-number.js';
import { unparseable, type Verdict } from './verdict.js';

export interface NumericKey {
  answer: number;
  tolerance?: Tolerance;
  unit?: string;
}

/** True when `value` is within the tolerance of `expected` (default: relative 1e-9). Edges count as inside. */
export function withinTolerance(value: number, expected: number, tolerance: Tolerance = {}): boolean {
  const { absolute, relative } = tolerance;
  const allowed = Math.max(absolute ?? 0, (relative ?? (absolute === undefined ? 1e-9 : 0)) * Math.abs(expected));
  return Math.abs(value - expected) <= allowed * (1 + 1e-12) + 4 * Number.EPSILON * Math.abs(expected);
}

/** Judges a numeric answer against `key`; a bare number counts as being in the key's unit. */
export function checkNumeric(key: NumericKey, answer: string, language = 'en'): Verdict {
  const parsed = parseNumber(answer, language);
  if ('problem' in parsed) return unparseable(key.unit ? expecting(parsed.problem, 'number-in-unit', { unit: key.unit }) : parsed.problem);
  let value = parsed.value;
  if (parsed.unit) {
    if (!key.unit) return unparseable({ code: 'unit-not-wanted' });
    let expected;
    try {
      expected = math.unit(key.unit);
    } catch {
      throw new ExerciseKeyError(`the unit "${key.unit}" is not a unit Primer knows`);
    }
    if (!parsed.unit.equalBase(expected)) {
      return { verdict: 'incorrect', reason: 'incompatible-unit', problem: { code: 'incompatible-unit', values: { given: parsed.unit.formatUnits(), unit: key.unit } } };
    }
    value = parsed.unit.toNumber(key.unit);
  }
  if (withinTolerance(value, key.answer, key.tolerance)) return { verdict: 'correct' };
  // "50%" in a question whose answer is in percent means 50, not 0.5
  if (parsed.percent && !parsed.unit && withinTolerance(value * 100, key.answer, key.tolerance)) return { verdict: 'correct' };
  return { verdict: 'incorrect' };
}
