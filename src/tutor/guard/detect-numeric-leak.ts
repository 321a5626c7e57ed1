// Numeric keys: any number in the sentence, in any form, within the key's tolerance, unless the
// learner has already seen or written that number (their own answer confirmed, the problem's data).
import type { Tolerance } from '../../course/index.js';
import { parseNumber, withinTolerance } from '../../exercise/index.js';
import { findNumbers, plainMath } from './find-numbers.js';
import { contextPieces, noLeak, type KnownPieces, type LeakContext, type LeakVerdict } from './leak-verdict.js';

export interface NumericGuardKey {
  answer: number;
  tolerance?: Tolerance;
  unit?: string;
}

/** The width of the tolerance band around `answer`, as the checker computes it. */
export function allowedDifference(answer: number, tolerance: Tolerance = {}): number {
  const { absolute, relative } = tolerance;
  return Math.max(absolute ?? 0, (relative ?? (absolute === undefined ? 1e-9 : 0)) * Math.abs(answer));
}

/** Numbers with units in `text`, converted to `unit` when compatible ("43.2 km/h" in m/s). */
function convertedNumbers(text: string, unit: string): { value: number; text: string }[] {
  const found: { value: number; text: string }[] = [];
  for (const match of plainMath(text).matchAll(/(?<![\d.,])(-?\d+(?:[.,]\d+)?)\s*([A-Za-zµ°][A-Za-z°µ]*(?:\s*\/\s*[A-Za-z]+|\^\d)*)/g)) {
    const parsed = parseNumber(`${match[1]!.replace(',', '.')} ${match[2]}`, 'en');
    if (!('value' in parsed) || !parsed.unit) continue;
    try {
      found.push({ value: parsed.unit.toNumber(unit), text: match[0] });
    } catch {
      // not a unit of this dimension
    }
  }
  return found;
}

function matches(text: string, key: NumericGuardKey): { value: number; text: string; kind: string } | undefined {
  const hit = findNumbers(text).find((found) => withinTolerance(found.value, key.answer, key.tolerance));
  if (hit) return hit;
  if (!key.unit) return undefined;
  const converted = convertedNumbers(text, key.unit).find((found) => withinTolerance(found.value, key.answer, key.tolerance));
  return converted && { ...converted, kind: 'quantity' };
}

/** True when a context piece states the key: as a number in it, or as the whole of an attempt such as "24/2". */
function knownFrom(pieces: string[], key: NumericGuardKey, memo?: KnownPieces): boolean {
  return pieces.some((piece) => (memo ? memo.remember({ numeric: key }, piece, () => statesKey(piece, key)) : statesKey(piece, key)));
}

function statesKey(piece: string, key: NumericGuardKey): boolean {
  if (findNumbers(piece).some((found) => found.kind !== 'arithmetic' && withinTolerance(found.value, key.answer, key.tolerance))) return true;
  const whole = parseNumber(piece, 'en');
  return 'value' in whole && withinTolerance(whole.value, key.answer, key.tolerance);
}

/** A detector for one numeric key and context; call it on each sentence. */
export function numericLeakDetector(key: NumericGuardKey, context?: LeakContext, memo?: KnownPieces): (sentence: string) => LeakVerdict {
  if (knownFrom(contextPieces(context), key, memo)) return () => noLeak;
  const band = allowedDifference(key.answer, key.tolerance);
  return (sentence) => {
    const hit = matches(sentence, key);
    if (!hit) return noLeak;
    const shown = hit.kind === 'number' ? `number ${hit.text}` : `${hit.kind} "${hit.text}" = ${hit.value}`;
    return { leak: true, evidence: `${shown} (key ${key.answer}${key.unit ? ` ${key.unit}` : ''} ± ${Number(band.toPrecision(3))})` };
  };
}
