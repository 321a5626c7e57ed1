// Reads a numeric answer as the learner wrote it: 0.5, 1/2, 5e-1, 50%, 2 1/2, 1,234.5 or 1.234,5
// (by the learner's language), in any script's digits (٤٫٥, ४, ４), sqrt(2), LaTeX, and an optional
// unit such as `3 km/h`.
import type { Unit } from 'mathjs';
import { expecting, type AnswerProblem } from './answer-problem.js';
import { latexToMathjs, looksLikeLatex } from './latex-to-mathjs.js';
import { asciiForms, builtinScope, constants, math, normaliseMathInput, stripAnswerName, symbolNames, unsafeNodeProblem, variableCallsToProducts } from './math.js';

export type ParsedNumber = { value: number; unit?: Unit; percent: boolean } | { problem: AnswerProblem };

const spaceLike = /[\s\u00a0\u202f]/;

type Separators = { decimal: string; group: string; grouping: RegExp };
const separatorsByLanguage = new Map<string, Separators>(); // Intl.NumberFormat is slow to build; a language's separators never change

/** The decimal and grouping separators of a language, learned from Intl, with the pattern of an integer grouped by them. */
export function numberSeparators(language = 'en'): Separators {
  let separators = separatorsByLanguage.get(language);
  if (!separators) {
    const { decimal, group } = intlSeparators(language);
    // spaces group digits in every language (the SI style "1 000 000"), besides the language's own separator
    const groupChars = ` \u00a0\u202f${spaceLike.test(group) ? '' : group === '’' ? "’'" : group}`;
    separators = { decimal, group, grouping: new RegExp(`^\\d{1,3}(?:[${escapeClass(groupChars)}]\\d{3})+$`) };
    if (separatorsByLanguage.size < 1000) separatorsByLanguage.set(language, separators);
  }
  return separators;
}

function intlSeparators(language: string): { decimal: string; group: string } {
  let locale = 'en';
  try {
    locale = Intl.NumberFormat.supportedLocalesOf([language]).length > 0 ? language : 'en';
  } catch {
    locale = 'en';
  }
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  // Arabic's own signs (ar-EG: ١٢٬٣٤٥٫٦) are read as ASCII ones by asciiForms, like its digits.
  return {
    decimal: asciiForms(parts.find((part) => part.type === 'decimal')?.value ?? '.'),
    group: asciiForms(parts.find((part) => part.type === 'group')?.value ?? ','),
  };
}

/** Rewrites the numbers in `input` to math.js form (point decimals, no grouping); returns a problem for a separator the language does not use. */
export function localiseDigits(input: string, language = 'en'): { text: string } | { problem: AnswerProblem } {
  const { decimal, grouping } = numberSeparators(language);
  let problem: AnswerProblem | undefined;
  const text = input.replace(/\d[\d.,'’\u00a0\u202f ]*\d|\d/g, (run) => {
    const trimmedRun = run.replace(/[ \u00a0\u202f]+$/, '');
    const trailing = run.slice(trimmedRun.length);
    const decimalIndex = trimmedRun.lastIndexOf(decimal);
    const integerPart = decimalIndex >= 0 ? trimmedRun.slice(0, decimalIndex) : trimmedRun;
    const fraction = decimalIndex >= 0 ? trimmedRun.slice(decimalIndex + 1) : '';
    if (decimalIndex >= 0 && !/^\d+$/.test(fraction)) return run; // leave odd shapes to the parser
    let integerDigits = integerPart;
    if (grouping.test(integerPart)) integerDigits = integerPart.replace(/\D/g, '');
    else if (/\D/.test(integerPart)) {
      if (/^\d+(?: \d+)+$/.test(integerPart) && decimalIndex < 0) return run; // e.g. the "2 1" of a mixed number "2 1/2"
      // a decimal point is understood everywhere, as long as it cannot be a thousands group
      if (decimal === ',' && decimalIndex < 0 && /^\d+\.\d+$/.test(integerPart)) return run;
      const other = decimal === ',' ? '.' : ',';
      problem = /^\d+[.,]\d+$/.test(integerPart) && integerPart.includes(other)
        ? { code: 'decimal-separator', values: { decimal, example: decimal === ',' ? '0,5' : '0.5' } }
        : { code: 'unreadable-number', values: { text: run.trim() } };
      return run;
    }
    return `${integerDigits}${fraction ? `.${fraction}` : ''}${trailing}`;
  });
  return problem ? { problem } : { text };
}

function escapeClass(chars: string): string {
  return chars.replace(/[\\\]^-]/g, '\\$&');
}

/** Parses a numeric answer; `{ problem }` says what kept it from being read, and what form was expected. */
export function parseNumber(answer: string, language = 'en'): ParsedNumber {
  const failed = (problem: AnswerProblem) => ({ problem: expecting(problem, 'number', { examples: [numberSeparators(language).decimal === ',' ? '0,5' : '0.5', '1/2', '5e-1', '50%'] }) });
  let input = asciiForms(answer).trim();
  if (input === '') return failed({ code: 'empty' });
  if (input.length > 200) return failed({ code: 'too-long' });
  if (looksLikeLatex(input)) {
    try {
      input = latexToMathjs(input);
    } catch (error) {
      return failed({ code: 'latex', values: { detail: (error as Error).message } });
    }
  }
  const localised = localiseDigits(input, language);
  if ('problem' in localised) return localised;
  input = stripAnswerName(normaliseMathInput(localised.text)).replace(/^([-+]?)(\d+)\s+(\d+)\s*\/\s*(\d+)$/, '$1($2 + $3/$4)');
  const percent = /%\s*$/.test(input);
  let node;
  try {
    node = variableCallsToProducts(math.parse(input), constants);
  } catch {
    return failed({ code: 'not-understood' });
  }
  const problem = unsafeNodeProblem(node);
  if (problem) return failed(problem);
  const unknown = symbolNames(node).filter((name) => !constants.has(name) && !isUnitName(name));
  if (unknown[0] !== undefined) return failed({ code: 'not-a-number-or-unit', values: { name: unknown[0] } });
  let value: unknown;
  try {
    value = node.evaluate({ ...builtinScope });
  } catch (error) {
    return failed({ code: 'not-computable', values: { detail: (error as Error).message } });
  }
  if (typeof value === 'number') return Number.isFinite(value) ? { value, percent } : { problem: { code: 'not-finite' } };
  if (math.isUnit(value)) {
    const unit = value as Unit;
    const amount = unit.toNumeric();
    if (typeof amount !== 'number' || !Number.isFinite(amount)) return { problem: { code: 'not-finite' } };
    return { value: amount, unit, percent };
  }
  return { problem: { code: 'not-real' } };
}

function isUnitName(name: string): boolean {
  try {
    return math.Unit.isValuelessUnit(name);
  } catch {
    return false;
  }
}
