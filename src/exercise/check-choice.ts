// Choice answers, single or multiple: each picked choice may be given by id, letter, 1-based number or text.
import { expecting, type AnswerProblem } from './answer-problem.js';
import { normaliseText } from './check-text.js';
import { asciiForms } from './math.js';
import { unparseable, type Verdict } from './verdict.js';

export interface ChoiceExercise {
  multiple: boolean;
  choices: { id: string; text: string }[];
}

const textOptions = { caseSensitive: false, ignoreDiacritics: false };
/** "and" in the interface languages and a few more, skipped between picks ("a and c", "a y c", "a 和 c") unless it names a choice itself. */
const conjunctions = new Set(['and', 'y', 'e', 'et', 'und', 'en', 'i', 'na', 'и', 'और', '和', '与', '及', 'و', 've', 'dan', 'và']);

/** Resolves one token (id, letter, number or text) to a choice id. */
function resolveChoice(exercise: ChoiceExercise, token: string): string | undefined {
  const trimmed = asciiForms(token).trim().replace(/^\(?([A-Za-z0-9-]+)[).]$/, '$1'); // "Ｂ" and "٢" as "B" and "2"
  const lower = trimmed.toLowerCase();
  const byId = exercise.choices.find((choice) => choice.id.toLowerCase() === lower);
  if (byId) return byId.id;
  // a choice's own text wins over a letter or number: with choices "0" and "1", "1" means the text.
  // Exact text first, then ignoring case, then normalised, which must then point at one choice only.
  const exact = exercise.choices.find((choice) => choice.text.trim() === token.trim()) ?? exercise.choices.find((choice) => choice.text.trim().toLowerCase() === token.trim().toLowerCase());
  if (exact) return exact.id;
  const comparable = (value: string) => normaliseText(value.replace(/\$/g, ' '), textOptions); // $…$ and $$…$$ are only math delimiters
  const text = comparable(token);
  const byText = exercise.choices.filter((choice) => comparable(choice.text) === text);
  if (byText.length === 1 && byText[0]) return byText[0].id;
  if (byText.length > 1) return undefined;
  if (/^[a-z]$/.test(lower)) return exercise.choices[lower.charCodeAt(0) - 97]?.id;
  if (/^\d+$/.test(lower)) return exercise.choices[Number(lower) - 1]?.id;
  return undefined;
}

/** Reads the learner's picks: an array of tokens, or one string such as "a, c" or a choice's text. */
export function readChoices(exercise: ChoiceExercise, answer: string | string[]): { ids: string[] } | { problem: AnswerProblem } {
  const failed = (problem: AnswerProblem) => ({ problem: expecting(problem, exercise.multiple ? 'choice-many' : 'choice-one', { choices: exercise.choices.map((choice) => choice.id) }) });
  const tokens = Array.isArray(answer) ? answer : [answer];
  const ids = new Set<string>();
  for (const token of tokens) {
    const whole = resolveChoice(exercise, token);
    if (whole) {
      ids.add(whole);
      continue;
    }
    const parts = token.split(/[\s,;，、،؛；]+/).filter((part) => part !== '');
    if (parts.length < 2) return failed({ code: 'not-a-choice', values: { text: token.trim() } });
    for (const part of parts) {
      const id = resolveChoice(exercise, part);
      if (id) ids.add(id);
      else if (!conjunctions.has(part.toLowerCase())) return failed({ code: 'not-a-choice', values: { text: part } });
    }
  }
  if (ids.size === 0) return failed({ code: 'nothing-picked' });
  return { ids: [...ids] };
}

/** Judges picked choices against the correct ids, ignoring order. */
export function checkChoice(exercise: ChoiceExercise, correct: string[], answer: string | string[]): Verdict {
  const read = readChoices(exercise, answer);
  if ('problem' in read) return unparseable(read.problem);
  const right = new Set(correct);
  if (!exercise.multiple && read.ids.length > 1) return unparseable({ code: 'pick-one' });
  const wrongPicks = read.ids.filter((id) => !right.has(id)).length;
  const rightPicks = read.ids.length - wrongPicks;
  if (wrongPicks === 0 && rightPicks === right.size) return { verdict: 'correct' };
  if (exercise.multiple && wrongPicks === 0 && rightPicks > 0) return { verdict: 'partially-correct', problem: { code: 'choices-missing' } };
  return { verdict: 'incorrect' };
}
