// Numeric answers: tolerance, fractions, percent, localized decimals and units.
import type { Tolerance } from '../course/index.js';
import { expecting, type AnswerProblem } from './answer-problem.js';
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

/** A numeric answer as the checker reads it, in the exercise's unit (`given`: the unit the learner wrote), or why it cannot be judged. */
export type NumericReading = { value: number; percent: boolean; given?: string } | { problem: AnswerProblem; incompatibleUnit?: true };

/**
 * Reads a numeric answer for an exercise in `unit` (none: a plain number), as checkNumeric does; the web
 * app shows this reading while the learner types. A bare number counts as being in the exercise's unit.
 */
export function readNumericAnswer(answer: string, unit: string | undefined, language = 'en'): NumericReading {
  const parsed = parseNumber(answer, language);
  if ('problem' in parsed) return { problem: unit ? expecting(parsed.problem, 'number-in-unit', { unit }) : parsed.problem };
  if (!parsed.unit) return { value: parsed.value, percent: parsed.percent };
  if (!unit) return { problem: { code: 'unit-not-wanted' } };
  let expected;
  try {
    expected = math.unit(unit);
  } catch {
    throw new ExerciseKeyError(`the unit "${unit}" is not a unit Primer knows`);
  }
  const given = parsed.unit.formatUnits();
  if (!parsed.unit.equalBase(expected)) return { problem: { code: 'incompatible-unit', values: { given, unit } }, incompatibleUnit: true };
  return { value: parsed.unit.toNumber(unit), percent: false, given };
}

/** Judges a numeric answer against `key`; a bare number counts as being in the key's unit. */
export function checkNumeric(key: NumericKey, answer: string, language = 'en'): Verdict {
  const read = readNumericAnswer(answer, key.unit, language);
  if ('problem' in read) return read.incompatibleUnit ? { verdict: 'incorrect', reason: 'incompatible-unit', problem: read.problem } : unparseable(read.problem);
  if (withinTolerance(read.value, key.answer, key.tolerance)) return { verdict: 'correct' };
  // "50%" in a question whose answer is in percent means 50, not 0.5
  if (read.percent && withinTolerance(read.value * 100, key.answer, key.tolerance)) return { verdict: 'correct' };
  return { verdict: 'incorrect' };
}
