// Numbers written in words, in English, Spanish, French, Portuguese and German: "twelve",
// "one half", "zero point five", "veintidós", "quatre-vingt-dix", "zweiundvierzig", "dois terços".
// Text is compared without case or diacritics, so "zwölf" and "zwolf" read the same.
import { ambiguous, lookUp, segmentGerman, type Word } from './number-lexicon.js';

export interface WordNumber {
  value: number;
  text: string; // the words as written
}

/** Lower-cases and strips diacritics; keeps letters, digits and the separators numbers use. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ß/g, 'ss');
}

/**
 * Finds numbers written in words in `text`.
 * @example findWordNumbers('the slope is twenty-two and a half') // [{ value: 22.5, text: 'twenty-two and a half' }]
 */
export function findWordNumbers(text: string): WordNumber[] {
  const folded = foldText(text);
  const tokens: { word: string; parsed: Word; start: number; end: number }[] = [];
  for (const match of folded.matchAll(/[a-z]+/g)) {
    const word = match[0];
    const start = match.index;
    const end = start + word.length;
    const parsed = lookUp(word);
    if (parsed) {
      tokens.push({ word, parsed, start, end });
      continue;
    }
    const pieces = segmentGerman(word);
    if (pieces) for (const piece of pieces) tokens.push({ word: piece, parsed: lookUp(piece)!, start, end });
    else tokens.push({ word, parsed: { kind: 'and' }, start: -1, end: -1 }); // any other word ends a run
  }
  const results: WordNumber[] = [];
  let run: typeof tokens = [];
  const flush = () => {
    if (run.length > 0) results.push(...readRun(run, folded, text));
    run = [];
  };
  let previousEnd = -1;
  for (const token of tokens) {
    if (token.start < 0) {
      flush();
      previousEnd = -1;
      continue;
    }
    const gap = previousEnd < 0 ? '' : folded.slice(previousEnd, token.start);
    if (previousEnd >= 0 && !/^[\s-]*$/.test(gap)) flush();
    run.push(token);
    previousEnd = token.end;
  }
  flush();
  return results;
}

type Token = { word: string; parsed: Word; start: number; end: number };

/** Reads a run of number words, which may hold several numbers ("two three" is 2 and 3). */
function readRun(run: Token[], folded: string, original: string): WordNumber[] {
  const out: WordNumber[] = [];
  let index = 0;
  while (index < run.length) {
    const read = readNumber(run, index, folded);
    if (!read) {
      index++;
      continue;
    }
    const first = run[index]!;
    const last = run[read.end - 1]!;
    out.push({ value: read.value, text: original.slice(first.start, last.end) });
    index = read.end;
  }
  return out;
}

function readNumber(run: Token[], start: number, folded: string): { value: number; end: number } | undefined {
  let index = start;
  let sign = 1;
  if (run[index]?.parsed.kind === 'minus') {
    sign = -1;
    index++;
  }
  const cardinal = readCardinal(run, index);
  if (!cardinal) return undefined;
  let value = cardinal.value;
  index = cardinal.end;
  const words = cardinal.words;
  // decimals: "zero point five", "cero coma veinticinco"
  if (run[index]?.word === 'einhalb') {
    value += 0.5; // zweieinhalb
    index++;
  } else if (run[index]?.parsed.kind === 'point' && run[index + 1]?.parsed.kind === 'unit') {
    let digits = '';
    index++;
    while (run[index]?.parsed.kind === 'unit') {
      const unit = run[index]!.parsed as { value: number };
      if (unit.value >= 100) break;
      digits += String(unit.value);
      index++;
    }
    value = Number(`${Math.trunc(value)}.${digits}`);
  } else if (run[index]?.parsed.kind === 'fraction' && value < 100) {
    // "one third", "two thirds", "a half", "un demi"
    value = value / (run[index]!.parsed as { value: number }).value;
    index++;
  } else if (run[index]?.parsed.kind === 'over') {
    const denominator = readCardinal(run, index + 1);
    if (denominator && denominator.value !== 0) {
      value = value / denominator.value;
      index = denominator.end;
    }
  }
  // "two and a half", "deux et demi", "dois e meio", "zweieinhalb"
  if (run[index]?.parsed.kind === 'and' && ['article', 'unit'].includes(run[index + 1]?.parsed.kind ?? '') && run[index + 2]?.parsed.kind === 'fraction') {
    const numerator = run[index + 1]!.parsed.kind === 'article' ? 1 : (run[index + 1]!.parsed as { value: number }).value;
    value += numerator / (run[index + 2]!.parsed as { value: number }).value;
    index += 3;
  } else if (run[index]?.parsed.kind === 'and' && run[index + 1]?.parsed.kind === 'fraction' && (run[index + 1]!.parsed as { value: number }).value === 2) {
    value += 0.5; // "deux et demi", "dos y medio"
    index += 2;
  }
  // a lone article, or a lone ambiguous word outside its language, is not a number
  const used = run.slice(start, index);
  if (used.every((token) => token.parsed.kind === 'article' || token.parsed.kind === 'minus')) return undefined;
  if (words === 1 && used.length === 1) {
    const hint = ambiguous[used[0]!.word];
    if (hint && !hint.test(folded)) return undefined;
  }
  return { value: sign * value, end: index };
}

/** A whole number: "two hundred and thirty-four thousand five hundred", "quatre-vingt-dix". */
function readCardinal(run: Token[], start: number): { value: number; end: number; words: number } | undefined {
  let total = 0;
  let current = 0;
  let seen = false;
  let article = false;
  let lastUnit: number | undefined; // the value of the last unit word in this group, to tell "twenty three" from "three three"
  let index = start;
  for (; index < run.length; index++) {
    const { parsed, word } = run[index]!;
    if (parsed.kind === 'article') {
      if (seen) break;
      const next = run[index + 1]?.parsed.kind;
      if (next !== 'fraction' && next !== 'hundred' && next !== 'scale') break;
      current = 1;
      article = true;
      seen = true;
      continue;
    }
    if (parsed.kind === 'unit') {
      const value = parsed.value;
      if (lastUnit !== undefined) {
        const combines =
          (lastUnit >= 20 && lastUnit % 10 === 0 && lastUnit < 100 && value < 10) || // twenty three
          (lastUnit >= 100 && lastUnit % 100 === 0 && value < 100) || // doscientos treinta
          (lastUnit === 4 && value === 20) || // quatre-vingt
          (lastUnit === 80 && value < 20) || // quatre-vingt-dix
          (lastUnit === 60 && value >= 10 && value < 20) || // soixante-dix
          (lastUnit === 10 && value >= 7 && value <= 9); // dix-sept, quatre-vingt-dix-sept
        const germanOrder = lastUnit < 10 && value >= 20 && value < 100 && value % 10 === 0 && run[index - 1]?.word === 'und';
        if (!combines && !germanOrder) break;
        if (lastUnit === 4 && value === 20) {
          current += 76; // quatre (4) + vingt → 80
          lastUnit = 80;
          continue;
        }
      }
      current += value;
      lastUnit = value;
      seen = true;
      continue;
    }
    if (parsed.kind === 'hundred') {
      current = (current || 1) * 100;
      lastUnit = 100;
      seen = true;
      continue;
    }
    if (parsed.kind === 'scale') {
      total += (current || 1) * parsed.value;
      current = 0;
      lastUnit = undefined;
      seen = true;
      continue;
    }
    const following = run[index + 1]?.parsed;
    if (parsed.kind === 'and' && seen && lastUnit !== undefined && (following?.kind === 'unit' || (following?.kind === 'article' && run[index + 2]?.parsed.kind !== 'fraction'))) {
      const next = following.kind === 'unit' ? following.value : 1;
      // "thirty and two" is not a number; "treinta y dos", "vingt et un", "hundred and five", German "drei und zwanzig" are
      const fits = (lastUnit >= 20 && lastUnit % 10 === 0 && next < 10) || (lastUnit >= 100 && next < 100) || (lastUnit < 10 && next >= 20 && next % 10 === 0);
      if (fits && run[index + 2]?.parsed.kind !== 'fraction') {
        if (following.kind === 'article') {
          current += 1; // "vingt et un", "trente et une"
          lastUnit = 1;
          index++;
        }
        continue;
      }
    }
    break;
  }
  if (!seen) return undefined;
  return { value: total + current, end: index, words: article ? 2 : index - start };
}
