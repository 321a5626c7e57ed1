// The variant of an exercise one learner sees. A template exercise is drawn from a seed of the
// learner's and the exercise's ids and the variant number in their state (it moves on after each right
// answer, with new numbers), so the lesson page, the tutor and the checker all show and check the same numbers. Reads the exercise's key (the template's solution); callers outside the
// tutor get only the prompt and the variables through `learnerExercisePrompt`.
import type { CourseBundle, PublicExercise } from '../../course/index.js';
import { learnerVariantSeed, renderVariant, type VariableValue } from '../../exercise/index.js';

export interface ExerciseVariant {
  prompt: string; // with the template variables filled in, in the course's language
  seed?: number; // only for template exercises
  variables: Record<string, VariableValue>;
  answer?: number | string; // the variant's answer: for the checker and the output guard only
}

export function exerciseVariant(bundle: CourseBundle, learner: string, exercise: PublicExercise, variant = 0): ExerciseVariant {
  const key = bundle.keys.exercises[exercise.id];
  const template = key !== undefined && 'template' in key ? key.template : undefined;
  if (!key || !template) return { prompt: exercise.prompt, variables: {} };
  const seed = learnerVariantSeed(template, learner, exercise.id, variant);
  const rendered = renderVariant(exercise, key, seed);
  return { prompt: rendered.prompt, seed, variables: rendered.variables, answer: rendered.answer };
}

/**
 * The prompt (and variables) of `exercise` as `learner` sees it; never the answer.
 * @example learnerExercisePrompt(bundle, account.id, exercise, state.exercises[exercise.id]?.variant).prompt // "What is 3 + 4?"
 */
export function learnerExercisePrompt(bundle: CourseBundle, learner: string, exercise: PublicExercise, variant = 0): { prompt: string; variables: Record<string, VariableValue> } {
  const { prompt, variables } = exerciseVariant(bundle, learner, exercise, variant);
  return { prompt, variables };
}
