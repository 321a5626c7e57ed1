// Every number a sentence states, in any common form: 12, 12.0, 1.2e1, 1,234.5, 1.234,5, 0,5,
// 50%, numbers in words, and arithmetic on literals that a reader would finish in their head
// (24/2, 2 × 3, 1.2 × 10^1). Ambiguous separators yield every reading: "1,234" is 1234 or 1.234.
import { asciiForms, latexToMathjs, parseNumber } from '../../exercise/index.js';
import { findWordNumbers } from './number-words.js';

export interface FoundNumber {
  value: number;
  text: string; // as written in the sentence
  kind: 'number' | 'percent' | 'words' | 'arithmetic';
}

const percentWords = String.raw`%|\s?(?:percent|per cent|por ciento|pour cent|por cento|prozent)\b`;
const numberToken = new RegExp(
  String.raw`(?<![\d.,])(-(?=\d))?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+[.,]\d+(?:[eE][-+]?\d+)?|\d+(?:[eE][-+]?\d+)?|[.,]\d+)(?![\d])(\s?(?:${percentWords}))?`,
  'gi',
);

/** Replaces LaTeX spans with math.js text so "$\frac{24}{2}$" reads as arithmetic (unreadable LaTeX stays), and writes every digit in ASCII. */
export function plainMath(text: string): string {
  const plain = text
    .replace(/\$\$([\s\S]+?)\$\$|\$([^$]+)\$|\\\(([\s\S]+?)\\\)|\\\[([\s\S]+?)\\\]/g, (whole, ...groups: (string | undefined)[]) => {
      const inner = groups.slice(0, 4).find((group) => group !== undefined) ?? '';
      try {
        return ` ${latexToMathjs(inner)} `;
      } catch {
        return whole;
      }
    })
    .replace(/[−–]/g, '-')
    .replace(/²/g, '^2')
    .replace(/³/g, '^3')
    .normalize('NFKC') // full-width digits: １２ → 12 (after the superscripts, which NFKC would make plain digits)
    .replace(/⁄/g, '/'); // ½ is 1⁄2 after NFKC
  return asciiForms(plain); // the digits of every script (٤, ۴, ४, ৪) and the Arabic decimal sign
}

/** The values a written number may mean. */
function readingsOf(digits: string): number[] {
  const values = new Set<number>();
  const add = (text: string) => {
    const value = Number(text);
    if (Number.isFinite(value)) values.add(value);
  };
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(digits)) add(digits.replace(/,/g, '')); // 1,234.5
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(digits)) add(digits.replace(/\./g, '').replace(',', '.')); // 1.234,5
  if (/^\d*[.,]\d+([eE][-+]?\d+)?$/.test(digits)) add(digits.replace(',', '.')); // 0.5, 0,5, 1.234
  if (/^\d+([eE][-+]?\d+)?$/.test(digits)) add(digits);
  return [...values];
}

/** Finds the numbers stated in `text`. */
export function findNumbers(text: string): FoundNumber[] {
  const plain = plainMath(text);
  const found: FoundNumber[] = [];
  for (const match of plain.matchAll(numberToken)) {
    const [whole, minus, digits = '', percent] = match;
    const before = plain.slice(0, match.index);
    if (/\^\s*\(?\s*$/.test(before)) continue; // an exponent: 10^-6 is read whole as arithmetic
    // "x-12" is a subtraction, "= -12" or "(-12" a negative number
    const sign = minus && (before === '' || /[\s(=:[{,]$/.test(before)) ? -1 : 1;
    for (const reading of readingsOf(digits)) {
      const value = sign * reading;
      found.push({ value, text: whole.trim(), kind: 'number' });
      if (percent) found.push({ value: value / 100, text: whole.trim(), kind: 'percent' });
    }
  }
  // thousands grouped by spaces, as French and others write them: 1 234,5
  for (const match of plain.matchAll(/(?<![\d.,])(-(?=\d))?(\d{1,3}(?:[ \u00a0\u202f]\d{3})+)([.,]\d+)?(?![\d])/g)) {
    const value = Number(`${match[1] ?? ''}${match[2]!.replace(/\D/g, '')}${match[3] ? `.${match[3].slice(1)}` : ''}`);
    if (Number.isFinite(value)) found.push({ value, text: match[0], kind: 'number' });
  }
  for (const words of findWordNumbers(text)) {
    found.push({ value: words.value, text: words.text, kind: 'words' });
    const after = text.slice(text.indexOf(words.text) + words.text.length);
    if (new RegExp(`^\\s?(?:${percentWords})`, 'i').test(after)) found.push({ value: words.value / 100, text: words.text, kind: 'percent' });
  }
  for (const arithmetic of findArithmetic(plain)) found.push(arithmetic);
  return found;
}

const operator = /[-+*/^×·÷⋅]/;

/** Spans of literal arithmetic ("24/2", "2 × 3", "(3 + 3)") with their values; a span touching a letter is part of an expression, not arithmetic. */
function findArithmetic(plain: string): FoundNumber[] {
  const found: FoundNumber[] = [];
  for (const match of plain.matchAll(/[\d.,+\-*/^×·÷⋅()=][\d.,+\-*/^×·÷⋅()\s=]*/g)) {
    const span = match[0].trimEnd();
    const start = match.index;
    const end = start + span.length;
    const touchesLetter = /[\p{L}_'′]$/u.test(plain.slice(0, start)) || /^[\p{L}_]/u.test(plain.slice(end));
    for (const piece of span.split(/=|,\s|;/)) {
      const expression = piece.trim().replace(/[.,]+$/, '');
      if (!/\d/.test(expression) || !operator.test(expression.replace(/^-/, ''))) continue;
      if (operator.test(expression.at(-1) ?? '') || /^[-+*/^×·÷⋅]/.test(expression.replace(/^-(?=\d)/, ''))) continue;
      const isFirst = span.indexOf(piece) === 0;
      const isLast = span.lastIndexOf(piece) + piece.length === span.length;
      if (touchesLetter && ((isFirst && /[\p{L}_'′]$/u.test(plain.slice(0, start))) || (isLast && /^[\p{L}_]/u.test(plain.slice(end))))) continue;
      if (!balanced(expression)) continue;
      const parsed = parseNumber(expression, 'en');
      if ('value' in parsed) found.push({ value: parsed.value, text: expression, kind: 'arithmetic' });
    }
  }
  return found;
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === '(') depth++;
    if (char === ')' && --depth < 0) return false;
  }
  return depth === 0;
}
