// The answer of one OATutor step (or scaffold) → the answer part of a Primer exercise:
// MultipleChoice → choice; TextBox arithmetic → numeric when the key is a plain number,
// otherwise expression (with variables and domains), or a numeric template when it depends on
// template variables; TextBox string → text. A step we cannot judge faithfully is refused.
import { latexToMathjs } from './latex-to-mathjs.js';
import { chooseDomain, evaluateReal, freeSymbols } from './math-values.js';
import { normalizeForComparison } from './convert-text.js';
import type { TemplatePlan } from './plan-template.js';

export type AnswerPart =
  | { type: 'choice'; choices: { text: string; correct: boolean }[]; duplicatesDropped: number }
  | { type: 'numeric'; answer: number; tolerance?: { absolute: number }; unknown?: string }
  | { type: 'numeric-template'; solution: string; tolerance?: { absolute: number }; unknown?: string }
  | { type: 'expression'; answer: string; variables: Record<string, [number, number]>; unknown?: string }
  | { type: 'text'; accept: string[]; caseSensitive: boolean };

export type AnswerResult = { ok: true; part: AnswerPart } | { ok: false; reason: string };

export interface AnswerInput {
  problemType: string;
  answerType: string;
  answers: readonly string[];
  choices: readonly string[];
  decimalComma: boolean;
  /** Template variables in play (their `@{name}` stays a variable of the key); absent for fixed text. */
  template?: TemplatePlan;
  /** Converts a choice's text to Markdown (math, figures, variables). */
  markdown: (raw: string) => string;
}

export function convertAnswer(input: AnswerInput): AnswerResult {
  const answers = input.answers.map((a) => a.trim()).filter((a) => a !== '' && normalizeForComparison(a) !== '');
  if (answers.length === 0) return { ok: false, reason: 'the step has no answer' };
  const problemType = input.problemType.trim();
  if (problemType === 'MultipleChoice') return convertChoice(input, answers);
  if (problemType !== 'TextBox' && problemType !== '') return { ok: false, reason: `problem type "${problemType}" is not supported (only MultipleChoice and TextBox)` };
  const answerType = input.answerType.trim() || 'arithmetic';
  if (answerType === 'string') return convertString(answers);
  if (answerType === 'arithmetic' || answerType === 'numeric' || answerType === 'number') return convertArithmetic(input, answers);
  if (answerType === 'essay') return { ok: false, reason: 'essay answers (graded by a person in OATutor) are not imported' };
  return { ok: false, reason: `answer type "${answerType}" is not supported (only arithmetic and string)` };
}

function convertChoice(input: AnswerInput, answers: string[]): AnswerResult {
  if (input.choices.length === 0) return { ok: false, reason: 'multiple-choice step without choices' };
  const keys = new Set(answers.map(normalizeForComparison));
  const choices: { text: string; correct: boolean }[] = [];
  const seenRaw = new Set<string>();
  const seenText = new Set<string>();
  let duplicatesDropped = 0;
  for (const raw of input.choices) {
    const normalized = normalizeForComparison(raw);
    const text = input.markdown(raw);
    if (normalized === '' || text === '') continue;
    if (seenRaw.has(normalized) || seenText.has(text)) {
      duplicatesDropped += 1;
      continue;
    }
    seenRaw.add(normalized);
    seenText.add(text);
    choices.push({ text, correct: keys.has(normalized) });
  }
  const correct = choices.filter((c) => c.correct).length;
  if (correct === 0) return { ok: false, reason: `the answer ${answers.map((a) => JSON.stringify(a)).join(' / ')} is not among the choices` };
  if (correct > 1) return { ok: false, reason: `${correct} choices match the answers; a single-choice exercise needs exactly one` };
  if (choices.length < 2) return { ok: false, reason: 'fewer than two distinct choices' };
  return { ok: true, part: { type: 'choice', choices, duplicatesDropped } };
}

function convertString(answers: string[]): AnswerResult {
  const accept: string[] = [];
  for (const answer of answers) {
    const plain = answer
      .replace(/\$\$/g, '')
      .replace(/\\n(?![a-zA-Z])/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (plain !== '' && !accept.includes(plain)) accept.push(plain);
  }
  if (accept.length === 0) return { ok: false, reason: 'the step has no answer' };
  // OATutor compares string answers exactly (spaces aside); code and names keep their case
  const caseSensitive = accept.some((a) => /[()[\]._="'`]/.test(a));
  return { ok: true, part: { type: 'text', accept, caseSensitive } };
}

const plainNumber = /^[-+]?\d+(\.\d+)?(\/[-+]?\d+(\.\d+)?)?$/;
const scientific = /^[-+]?\d+(\.\d+)?\*10\^[-+]?\d+$/;

function convertArithmetic(input: AnswerInput, answers: string[]): AnswerResult {
  const translations = answers.map((answer) => latexToMathjs(answer, { decimalComma: input.decimalComma }));
  const failed = translations.find((t) => !t.ok);
  if (failed && !failed.ok) return { ok: false, reason: failed.reason };
  const expressions = translations.flatMap((t) => (t.ok ? [t] : []));
  const first = expressions[0]!;
  const templateNames = new Set(Object.keys(input.template?.variables ?? {}));
  const symbols = freeSymbols(first.expression);
  const usesTemplate = symbols.some((s) => templateNames.has(s));
  const free = symbols.filter((s) => !templateNames.has(s));

  if (usesTemplate) {
    if (free.length > 0) return { ok: false, reason: `the answer depends on template variables and on ${free.join(', ')}; only numeric templates can be imported` };
    for (const variant of input.template!.variants) {
      if (evaluateReal(first.expression, variant) === undefined) {
        return { ok: false, reason: `the answer ${answers[0]} is not a finite number for the variant ${JSON.stringify(variant)}` };
      }
    }
    return { ok: true, part: { type: 'numeric-template', solution: first.expression, ...unknownOf(first) } };
  }

  // several accepted answers must agree, since Primer keeps one key
  if (expressions.length > 1) {
    const domain = chooseDomain(first.expression, free) ?? [1, 2];
    const probe = Object.fromEntries(free.map((name, j) => [name, domain[0] + (domain[1] - domain[0]) * (0.3 + 0.1 * j)]));
    const value = evaluateReal(first.expression, probe);
    if (expressions.some((e) => evaluateReal(e.expression, probe) !== value)) {
      return { ok: false, reason: `the step accepts different answers (${answers.join(' / ')}); Primer keeps one key` };
    }
  }

  if (free.length === 0) {
    const value = evaluateReal(first.expression);
    if (value === undefined) return { ok: false, reason: `the answer ${answers[0]} is not a finite real number` };
    const compact = first.expression.replace(/[\s()]/g, '');
    if (plainNumber.test(compact) || scientific.test(compact)) {
      return { ok: true, part: { type: 'numeric', answer: value, ...toleranceOf(compact), ...unknownOf(first) } };
    }
    return { ok: true, part: { type: 'expression', answer: first.expression, variables: {}, ...unknownOf(first) } };
  }
  const domain = chooseDomain(first.expression, free);
  if (!domain) return { ok: false, reason: `no interval found on which the answer ${answers[0]} is real for every variable` };
  const variables = Object.fromEntries(free.map((name) => [name, domain]));
  return { ok: true, part: { type: 'expression', answer: first.expression, variables, ...unknownOf(first) } };
}

function unknownOf(translation: { unknown?: string }): { unknown?: string } {
  return translation.unknown ? { unknown: translation.unknown } : {};
}

/** A key given to three or more decimals was rounded: accept answers that round to it. */
function toleranceOf(literal: string): { tolerance?: { absolute: number } } {
  const decimals = /^[-+]?\d+\.(\d+)$/.exec(literal)?.[1]?.length ?? 0;
  return decimals >= 3 ? { tolerance: { absolute: Number((0.5 * 10 ** -decimals).toPrecision(1)) } } : {};
}
