// Short text answers: normalised comparison with accepted answers, then the teacher's patterns.
import { expecting } from './answer-problem.js';
import { unparseable, type Verdict } from './verdict.js';

export interface TextKey {
  accept: string[];
  patterns: string[];
  caseSensitive: boolean;
  ignoreDiacritics: boolean;
}

/** Normalises text for comparison: Unicode form, case, diacritics, punctuation and spacing. */
export function normaliseText(text: string, options: { caseSensitive: boolean; ignoreDiacritics: boolean }): string {
  let result = text.normalize('NFKC');
  if (!options.caseSensitive) result = result.toLocaleLowerCase();
  if (options.ignoreDiacritics) result = result.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
  // a hyphen inside a word is spelling ("well-known"); anywhere else it is a sign ("-5", "x-1") and counts
  return result
    .replace(/(?<=\p{L})-(?=\p{L})/gu, ' ')
    .replace(/[^\P{P}-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Compiles a teacher's pattern to match the whole normalised answer; undefined when it is not a valid regular expression. */
export function compilePattern(pattern: string, caseSensitive: boolean): RegExp | undefined {
  try {
    return new RegExp(`^(?:${pattern})$`, caseSensitive ? 'u' : 'iu');
  } catch {
    return undefined;
  }
}

/** Judges a short text answer. */
export function checkText(key: TextKey, answer: string): Verdict {
  if (answer.length > 1000) return unparseable(expecting({ code: 'too-long' }, 'text'));
  const options = { caseSensitive: key.caseSensitive, ignoreDiacritics: key.ignoreDiacritics };
  const given = normaliseText(answer, options);
  if (given === '') return unparseable(expecting({ code: 'empty' }, 'text'));
  if (key.accept.some((accepted) => normaliseText(accepted, options) === given)) return { verdict: 'correct' };
  const trimmed = answer.trim();
  for (const pattern of key.patterns) {
    const regex = compilePattern(pattern, key.caseSensitive);
    if (regex && (regex.test(given) || regex.test(trimmed))) return { verdict: 'correct' };
  }
  return { verdict: 'incorrect' };
}
