// Runs simulated learners through a course, either with Primer's progression policy (adaptive) or
// with a fixed sequence (every exercise once, in course order), and measures what mastery costs.
import type { PublicBundle, PublicExercise } from '../course/index.js';
import { chooseNextActivity, emptyLearnerState, foldLearnerState, type BktParams, type EventPayload, type EventType, type LearnerEvent, type LearnerModelOptions, type LearnerState } from '../learner/index.js';
import type { SimulatedLearner } from './simulated-learner.js';

export type SimulationMode = 'adaptive' | 'fixed';

export interface SkillOutcome {
  skill: string;
  /** Practice items spent on the skill: until declared mastered (adaptive), or all of its items (fixed). */
  items: number;
  /** Items on the skill when the model declared it mastered; undefined if it never did. */
  itemsToDeclaredMastery?: number;
  /** Declared mastered while the learner did not truly know the skill. */
  falseMastery: boolean;
  trulyMasteredAtEnd: boolean;
}

export interface LearnerRun {
  mode: SimulationMode;
  items: number;
  finished: boolean;
  skills: SkillOutcome[];
}

export interface SimulateCourseOptions {
  course: PublicBundle;
  learner: SimulatedLearner;
  mode: SimulationMode;
  /** The learner model Primer uses (its fitted parameters; not the learner's true ones). */
  model?: LearnerModelOptions;
  seed: number;
  /** Stops an adaptive run that does not finish (default 20 × the number of exercises). */
  maxItems?: number;
  start?: Date;
}

/** Fixed order: lessons in course order with their exercises as placed, then exercises outside lessons. */
export function courseOrder(course: PublicBundle): { lesson?: string; exercise?: PublicExercise }[] {
  const byId = new Map(course.exercises.map((exercise) => [exercise.id, exercise]));
  const steps: { lesson?: string; exercise?: PublicExercise }[] = [];
  const placed = new Set<string>();
  for (const lesson of course.lessons) {
    steps.push({ lesson: lesson.id });
    const inLesson = [
      ...lesson.blocks.flatMap((block) => (block.kind === 'exercise' ? [block.exercise] : [])),
      ...course.exercises.filter((exercise) => exercise.lesson === lesson.id).map((exercise) => exercise.id),
    ];
    for (const id of inLesson) {
      const exercise = byId.get(id);
      if (exercise && !placed.has(id)) steps.push({ exercise }), placed.add(id);
    }
  }
  for (const exercise of course.exercises) if (!placed.has(exercise.id)) steps.push({ exercise });
  return steps;
}

export function simulateCourse(options: SimulateCourseOptions): LearnerRun {
  const { course, learner, mode, seed } = options;
  const model = options.model ?? {};
  const skills = course.course.skills.map((skill) => skill.id);
  const maxItems = options.maxItems ?? 20 * course.exercises.length;
  let clock = (options.start ?? new Date('2026-01-05T09:00:00Z')).getTime();
  let counter = 0;
  let state: LearnerState = emptyLearnerState();
  const itemsOn = new Map<string, number>(skills.map((skill) => [skill, 0]));
  const declared = new Map<string, { items: number; falseMastery: boolean }>();

  const record = (events: LearnerEvent[]) => {
    state = foldLearnerState(state, events, course, model);
    for (const skill of skills) {
      if (!declared.has(skill) && state.skills[skill]?.mastered) declared.set(skill, { items: itemsOn.get(skill)!, falseMastery: !learner.knows(skill) });
    }
  };
  const event = <T extends EventType>(type: T, payload: EventPayload<T>): LearnerEvent => {
    clock += 60_000;
    return { id: `sim-${++counter}`, learner: 'simulated', course: course.course.id, courseVersion: course.hash, time: new Date(clock).toISOString(), type, payload } as LearnerEvent;
  };
  const lessonSkills = (id: string) => course.lessons.find((lesson) => lesson.id === id)?.skills ?? [];
  const practise = (exercise: PublicExercise, kind: string, skill?: string) => {
    const correct = learner.answer(exercise.skills);
    for (const s of exercise.skills) itemsOn.set(s, (itemsOn.get(s) ?? 0) + 1);
    return kind === 'review' && skill
      ? event('review', { skill, passed: correct, exercise: exercise.id })
      : event('attempt', { exercise: exercise.id, skills: exercise.skills, answer: correct ? 'right' : 'wrong', verdict: correct ? 'correct' : 'incorrect', hintsUsed: 0, revealed: false });
  };

  let items = 0;
  let finished = false;
  if (mode === 'fixed') {
    for (const step of courseOrder(course)) {
      if (step.lesson) {
        learner.study(lessonSkills(step.lesson));
        record([event('activity', { kind: 'teach', lesson: step.lesson, reason: 'fixed sequence' })]);
      } else if (step.exercise) {
        record([practise(step.exercise, 'practise')]);
        items++;
      }
    }
    finished = true;
  } else {
    const exercises = new Map(course.exercises.map((exercise) => [exercise.id, exercise]));
    while (items < maxItems) {
      const next = chooseNextActivity(state, course, { ...model, now: new Date(clock), seed });
      if (next.kind === 'finished') {
        // Every exercise of a skill still to master was solved recently: the learner comes back when answering counts again.
        const resumes = next.why.code === 'finished' && next.why.practiceResumes ? Date.parse(next.why.practiceResumes) : undefined;
        if (resumes !== undefined && resumes > clock) {
          clock = resumes;
          continue;
        }
        finished = true;
        break;
      }
      const { kind, reason } = next;
      const activity = event('activity', { kind, reason, ...(next.lesson ? { lesson: next.lesson } : {}), ...(next.exercise ? { exercise: next.exercise } : {}), ...(next.skill ? { skill: next.skill } : {}) });
      if (kind === 'teach') {
        learner.study(lessonSkills(next.lesson!));
        record([activity]);
        continue;
      }
      const exercise = exercises.get(next.exercise ?? '');
      if (!exercise) throw new Error(`policy chose ${kind} without an exercise: ${reason}`);
      record([activity, practise(exercise, kind, next.skill)]);
      items++;
    }
  }
  return {
    mode,
    items,
    finished,
    skills: skills.map((skill) => {
      const declaration = declared.get(skill);
      return {
        skill,
        items: mode === 'adaptive' && declaration ? declaration.items : itemsOn.get(skill)!,
        ...(declaration ? { itemsToDeclaredMastery: declaration.items } : {}),
        falseMastery: declaration?.falseMastery ?? false,
        trulyMasteredAtEnd: learner.knows(skill),
      };
    }),
  };
}

/** Population parameters for simulated learners: each learner's true values vary around these. */
export function jitterParams(base: BktParams, random: () => number, spread = 0.5): BktParams {
  const scale = (value: number, high: number) => Math.min(high, Math.max(0.001, value * (1 + spread * (2 * random() - 1))));
  return { prior: scale(base.prior, 0.95), learn: scale(base.learn, 0.95), guess: scale(base.guess, 0.45), slip: scale(base.slip, 0.45), forget: 0 };
}
