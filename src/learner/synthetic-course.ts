// A synthetic compiled course (one lesson per skill), for tests and simulations of the learner model.
import type { PublicBundle, PublicExercise } from '../course/index.js';

export interface SyntheticCourseSpec {
  /** Skills in course order; each gets one lesson (same id with `-lesson`) teaching it. */
  skills: { id: string; title?: string; prerequisites?: string[] }[];
  /** Exercises per skill (default 3). */
  exercisesPerSkill?: number;
  masteryThreshold?: number;
  /** Give every exercise this difficulty (default: 1, 2, 3… cycling up to 5). */
  difficulty?: number;
}

/** Builds a PublicBundle with one lesson per skill, lessons chained by the skill prerequisites. */
export function syntheticCourse(spec: SyntheticCourseSpec): PublicBundle {
  const perSkill = spec.exercisesPerSkill ?? 3;
  const exercises: PublicExercise[] = spec.skills.flatMap((skill) =>
    Array.from({ length: perSkill }, (_, i): PublicExercise => ({
      id: `${skill.id}-${i + 1}`,
      lesson: `${skill.id}-lesson`,
      file: `exercises/${skill.id}.yaml`,
      line: 1 + i * 5,
      skills: [skill.id],
      prompt: `Exercise ${i + 1} on ${skill.id}`,
      difficulty: spec.difficulty ?? 1 + (i % 5),
      hints: [],
      hintCount: 0,
      revealingHintRungs: [],
      minAttempts: 0,
      hasExplanation: false,
      type: 'numeric',
    })),
  );
  return {
    format: 1,
    hash: 'test',
    course: {
      id: 'tiny',
      title: 'Tiny course',
      language: 'en',
      authors: ['Test'],
      license: 'CC-BY-4.0',
      masteryThreshold: spec.masteryThreshold ?? 0.95,
      skills: spec.skills.map((skill) => ({ id: skill.id, title: skill.title ?? skill.id, description: skill.id, prerequisites: skill.prerequisites ?? [], hard: false })),
      glossary: [],
    },
    lessons: spec.skills.map((skill) => ({
      id: `${skill.id}-lesson`,
      file: `lessons/${skill.id}.md`,
      title: `Lesson on ${skill.title ?? skill.id}`,
      skills: [skill.id],
      prerequisites: (skill.prerequisites ?? []).map((id) => `${id}-lesson`),
      minutes: 10,
      blocks: exercises.filter((exercise) => exercise.skills[0] === skill.id).map((exercise) => ({ kind: 'exercise' as const, exercise: exercise.id })),
    })),
    exercises,
    chunks: [],
  };
}
