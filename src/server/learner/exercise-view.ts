// An exercise as a learner sees it (ApiExercise): the prompt of THIS learner's variant (the one the
// tutor checks against), translated and rendered, with their progress. Never a key.
import { isTemplateExercise, type CourseBundle, type PublicExercise } from '../../course/index.js';
import type { LearnerState } from '../../learner/index.js';
import { learnerExercisePrompt } from '../../tutor/index.js';
import type { ApiExercise } from '../api-types.js';
import type { CourseText } from './course-text.js';

export async function exerciseView(input: { bundle: CourseBundle; exercise: PublicExercise; learner: string; state: LearnerState; text: CourseText }): Promise<{ exercise: ApiExercise; original: boolean }> {
  const { bundle, exercise, learner, state, text } = input;
  const progress = state.exercises[exercise.id];
  const prompt = await text.html(learnerExercisePrompt(bundle, learner, exercise, progress?.variant).prompt);
  const choices = exercise.type === 'choice' ? await Promise.all(exercise.choices.map(async (choice) => ({ id: choice.id, ...(await text.html(choice.text)) }))) : undefined;
  const view: ApiExercise = {
    id: exercise.id,
    ...(exercise.lesson ? { lesson: exercise.lesson } : {}),
    type: exercise.type,
    promptHtml: prompt.html,
    promptLanguage: prompt.original ? bundle.public.course.language : text.language,
    skills: exercise.skills,
    hintCount: exercise.hintCount,
    ...(isTemplateExercise(exercise) ? { variant: progress?.variant ?? 0 } : {}),
    progress: { attempts: progress?.attempts ?? 0, solved: progress?.solved ?? false, hintsSeen: progress?.hintsSeen ?? 0, ...(progress?.lastVerdict ? { lastVerdict: progress.lastVerdict } : {}) },
  };
  if (choices) Object.assign(view, { choices: choices.map(({ id, html }) => ({ id, html })), multiple: exercise.type === 'choice' && exercise.multiple });
  if (exercise.type === 'numeric' && exercise.unit) view.unit = exercise.unit;
  if (exercise.type === 'expression') view.variables = exercise.variables;
  if (exercise.type === 'code') Object.assign(view, { language: exercise.language, starter: exercise.starter, tests: exercise.tests.map((test) => ({ name: test.name })) });
  return { exercise: view, original: prompt.original || (choices ?? []).some((choice) => choice.original) };
}
