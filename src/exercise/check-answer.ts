// The one entry point for judging an answer: picks the checker for the exercise's type, resolves the
// template variant, and recognises the teacher's common mistakes. The verdict never contains the key.
import type { ExerciseKey, Mistake, PublicExercise } from '../course/index.js';
import { describeProblem } from './answer-problem.js';
import { checkChoice } from './check-choice.js';
import { checkCode } from './check-code.js';
import { checkExpression } from './check-expression.js';
import { checkNumeric } from './check-numeric.js';
import { checkText } from './check-text.js';
import { ExerciseKeyError } from './exercise-key-error.js';
import { scoreRubric, verdictFromRubric, type FreeResponseGrader } from './free-response.js';
import { math } from './math.js';
import { drawVariables, substituteVariables, variantAnswer, type VariableValue } from './render-variant.js';
import type { Sandbox } from './sandbox/sandbox.js';
import type { Verdict } from './verdict.js';

export interface CheckAnswerInput {
  exercise: PublicExercise;
  key: ExerciseKey;
  answer: string | string[];
  language?: string; // the learner's language: decides decimal commas
  seed?: number; // the variant of a template exercise (see variantSeed); default 0
  sandbox?: Sandbox; // runs code exercises; required for them
  grader?: FreeResponseGrader; // grades free-response exercises; without it they are not graded
}

/**
 * Judges a learner's answer; a problem with it is said in the learner's language (`message`).
 * @example await checkAnswer({ exercise, key, answer: '1/2', language: 'de' }) // { verdict: 'correct' }
 * @example await checkAnswer({ exercise, key, answer: '1.234,5', language: 'fr' }) // { verdict: 'unparseable', message: 'dans cette langue, écrivez les nombres décimaux avec « , » …' }
 */
export async function checkAnswer(input: CheckAnswerInput): Promise<Verdict> {
  const verdict = await judge(input);
  return verdict.problem ? { ...verdict, message: describeProblem(verdict.problem, input.language) } : verdict;
}

async function judge(input: CheckAnswerInput): Promise<Verdict> {
  const { exercise, key } = input;
  if (exercise.type !== key.type) throw new ExerciseKeyError(`exercise ${exercise.id} is ${exercise.type} but its key is ${key.type}`);
  const text = Array.isArray(input.answer) ? input.answer.join(', ') : input.answer;
  switch (key.type) {
    case 'choice': {
      if (exercise.type !== 'choice') break;
      const verdict = checkChoice(exercise, key.correct, input.answer);
      return withMistake(verdict, key.mistakes, (mistake) => checkChoice(exercise, toList(mistake.answer), input.answer));
    }
    case 'numeric': {
      const variables = key.template ? drawVariables(key.template, input.seed ?? 0).variables : {};
      const answer = key.template ? variantAnswer(key, key.template, variables) : key.answer;
      if (typeof answer !== 'number') throw new ExerciseKeyError(`exercise ${exercise.id} has no numeric answer`);
      const check = (expected: number) => checkNumeric({ answer: expected, tolerance: key.tolerance, unit: key.unit }, text, input.language);
      return withMistake(check(answer), key.mistakes, (mistake) => check(mistakeNumber(mistake, variables)));
    }
    case 'expression': {
      const variables = key.template ? drawVariables(key.template, input.seed ?? 0).variables : {};
      const answer = key.template ? variantAnswer(key, key.template, variables) : key.answer;
      if (typeof answer !== 'string') throw new ExerciseKeyError(`exercise ${exercise.id} has no expression answer`);
      const check = (expected: string) => checkExpression({ answer: expected, variables: key.variables, form: key.form }, text);
      return withMistake(check(answer), key.mistakes, (mistake) => {
        const verdict = check(substituteVariables(String(mistake.answer), variables));
        return verdict.reason === 'wrong-form' ? { verdict: 'correct' } : verdict;
      });
    }
    case 'text': {
      const verdict = checkText(key, text);
      return withMistake(verdict, key.mistakes, (mistake) => checkText({ ...key, accept: toList(mistake.answer), patterns: [] }, text));
    }
    case 'code': {
      if (!input.sandbox) throw new Error('checkAnswer needs a sandbox for code exercises: pass one made by createSandbox()');
      return checkCode(input.sandbox, key, text);
    }
    case 'free-response': {
      if (exercise.type !== 'free-response') break;
      if (!input.grader) return { verdict: 'unparseable', reason: 'needs-grader', problem: { code: 'needs-grader' } };
      const grade = await input.grader({ prompt: exercise.prompt, rubric: exercise.rubric, reference: key.reference, answer: text, language: input.language });
      const { rubric: _rubric, ...verdict } = verdictFromRubric(scoreRubric(exercise.rubric, grade), grade.feedback);
      return verdict;
    }
  }
  throw new ExerciseKeyError(`exercise ${exercise.id} has an unknown type`);
}

function toList(answer: Mistake['answer']): string[] {
  return Array.isArray(answer) ? answer : [String(answer)];
}

function mistakeNumber(mistake: Mistake, variables: Record<string, VariableValue>): number {
  if (typeof mistake.answer === 'number') return mistake.answer;
  const value: unknown = math.evaluate(String(mistake.answer), { ...variables });
  if (typeof value !== 'number') throw new ExerciseKeyError(`the mistake "${String(mistake.answer)}" does not give a number`);
  return value;
}

/** Adds the first mistake the answer matches (judged by the same checker) to a verdict that is not correct. */
function withMistake(verdict: Verdict, mistakes: Mistake[], matches: (mistake: Mistake) => Verdict): Verdict {
  if (verdict.verdict === 'correct' || verdict.verdict === 'unparseable') return verdict;
  for (const mistake of mistakes) {
    let matched = false;
    try {
      matched = matches(mistake).verdict === 'correct';
    } catch {
      matched = false; // a broken mistake is reported by `primer course check`; the learner still gets a verdict
    }
    if (matched) return { ...verdict, feedback: mistake.feedback, misconception: mistake.misconception };
  }
  return verdict;
}
