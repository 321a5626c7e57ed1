// What the leak detector looks for: the answer of the open exercise in one shape per answer type,
// made from a compiled exercise and its key, or from the simple `{answer, type}` the CLI reads.
import type { ExerciseKey, PublicExercise, Tolerance } from '../../course/index.js';
import { describeProblem, parseExpression } from '../../exercise/index.js';

export interface GuardChoice {
  letter: string; // "a" for the first choice
  id: string;
  text: string;
}

export type GuardKey =
  | { type: 'numeric'; answer: number; tolerance?: Tolerance; unit?: string }
  | { type: 'expression'; answer: string; variables: Record<string, [number, number]> }
  | { type: 'choice'; correct: GuardChoice[]; choices: GuardChoice[] }
  | { type: 'text'; accept: string[] }
  | { type: 'code'; solution: string; starter: string }
  | { type: 'none' }; // free-response and exercises without a fixed answer: nothing to match

const letters = 'abcdefghijklmnopqrstuvwxyz';

/**
 * The guard key of an open exercise. For a template exercise pass the learner's variant answer.
 * @example guardKeyFromExercise(exercise, bundle.keys.exercises[exercise.id]!, renderVariant(exercise, key, seed).answer)
 */
export function guardKeyFromExercise(exercise: PublicExercise, key: ExerciseKey, variantAnswer?: number | string): GuardKey {
  switch (key.type) {
    case 'numeric': {
      const answer = typeof variantAnswer === 'number' ? variantAnswer : key.answer;
      return answer === undefined ? { type: 'none' } : { type: 'numeric', answer, tolerance: key.tolerance, unit: key.unit };
    }
    case 'expression': {
      const answer = typeof variantAnswer === 'string' ? variantAnswer : key.answer;
      return answer === undefined ? { type: 'none' } : { type: 'expression', answer, variables: key.variables };
    }
    case 'choice': {
      const choices = exercise.type === 'choice' ? exercise.choices.map((choice, index) => ({ letter: letters[index] ?? choice.id, id: choice.id, text: choice.text })) : [];
      const correct = key.correct.map((id) => choices.find((choice) => choice.id === id) ?? { letter: id.length === 1 ? id.toLowerCase() : '', id, text: '' });
      return { type: 'choice', correct, choices };
    }
    case 'text':
      return { type: 'text', accept: key.accept };
    case 'code':
      return { type: 'code', solution: key.solution, starter: exercise.type === 'code' ? exercise.starter : '' };
    case 'free-response':
      return { type: 'none' };
  }
}

export type GuardAnswerType = 'numeric' | 'expression' | 'choice' | 'text' | 'code';

const defaultDomain: [number, number] = [0.5, 2.5];

/**
 * The guard key for a bare answer, as `primer guard` reads it. Expression variables are the
 * answer's free symbols, each tried on [0.5, 2.5]. A choice answer is a letter ("b") or the choice's text.
 */
export function guardKeyFromAnswer(answer: unknown, type: GuardAnswerType): GuardKey | { error: string } {
  switch (type) {
    case 'numeric': {
      const value = typeof answer === 'number' ? answer : typeof answer === 'string' && answer.trim() !== '' ? Number(answer) : NaN;
      return Number.isFinite(value) ? { type: 'numeric', answer: value } : { error: `a numeric answer must be a number, got ${JSON.stringify(answer)}` };
    }
    case 'expression': {
      if (typeof answer !== 'string' && typeof answer !== 'number') return { error: 'an expression answer must be a string such as "2*x*cos(x^2)"' };
      const text = String(answer);
      const parsed = parseExpression(text, freeSymbols(text));
      if ('problem' in parsed) return { error: `the expression answer does not parse: ${describeProblem(parsed.problem)}` };
      return { type: 'expression', answer: text, variables: Object.fromEntries(freeSymbols(text).map((name) => [name, defaultDomain])) };
    }
    case 'choice': {
      const picks = Array.isArray(answer) ? answer : [answer];
      if (picks.length === 0 || !picks.every((pick) => typeof pick === 'string' && pick.trim() !== '')) return { error: 'a choice answer must be the correct letter, such as "b", or the text of the correct choice' };
      const correct = (picks as string[]).map((pick) => {
        const trimmed = pick.trim().replace(/^\(?([A-Za-z])[).]?$/, '$1');
        return /^[A-Za-z]$/.test(trimmed) ? { letter: trimmed.toLowerCase(), id: trimmed.toLowerCase(), text: '' } : { letter: '', id: '', text: trimmed };
      });
      return { type: 'choice', correct, choices: [] };
    }
    case 'text': {
      const accept = Array.isArray(answer) ? answer : [answer];
      if (accept.length === 0 || !accept.every((item) => typeof item === 'string' && item.trim() !== '')) return { error: 'a text answer must be a non-empty string (or a list of accepted strings)' };
      return { type: 'text', accept: accept as string[] };
    }
    case 'code':
      return typeof answer === 'string' && answer.trim() !== '' ? { type: 'code', solution: answer, starter: '' } : { error: 'a code answer must be the solution code as a string' };
  }
}

const knownNames = new Set(['sin', 'cos', 'tan', 'sec', 'csc', 'cot', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'exp', 'log', 'ln', 'log10', 'log2', 'sqrt', 'cbrt', 'abs', 'pi', 'e', 'tau', 'phi', 'frac', 'cdot', 'times', 'left', 'right']);

/** The variables of an expression written by a teacher: identifiers that are not functions or constants. */
function freeSymbols(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.replace(/\\[A-Za-z]+/g, ' ').matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) {
    if (!knownNames.has(match[0])) names.add(match[0]);
  }
  return [...names];
}
