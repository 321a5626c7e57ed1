// The progression policy: what the learner should do next, and one sentence the tutor can show.
// Order: overdue reviews; remediation of a prerequisite when a skill keeps failing; practice of the
// weakest skill in progress; the next lesson whose prerequisites are mastered. Deterministic for a
// given state, course, time and seed.
import { isTemplateExercise, type PublicBundle, type PublicExercise } from '../course/index.js';
import { creditResumesAt } from './attempt-evidence.js';
import type { ActivityKind, NextWhy } from './events.js';
import { bktParamsFor, type LearnerModelOptions } from './fold-learner-state.js';
import type { LearnerState, SkillState } from './learner-state.js';
import { daysOverdue, recallProbability } from './review-schedule.js';

export interface NextActivity {
  /** `finished` when every skill is mastered and no review is due. */
  kind: ActivityKind | 'finished';
  lesson?: string;
  exercise?: string;
  skill?: string;
  /** One sentence for the learner, e.g. "We'll review The chain rule first — it's due today." */
  reason: string;
  /** The same reason as data, so an interface can say it in the learner's language. */
  why: NextWhy;
}

export interface ChooseNextActivityOptions extends LearnerModelOptions {
  now: Date;
  /** Breaks ties between equally good exercises; the same seed gives the same choice. */
  seed: number;
}

const percent = (value: number) => `${Math.round(value * 100)}%`;

function seededRank(seed: number, id: string): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Chooses the next activity. Pure: pass the time and a seed. */
export function chooseNextActivity(state: LearnerState, course: PublicBundle, options: ChooseNextActivityOptions): NextActivity {
  const skills = course.course.skills;
  const title = new Map(skills.map((skill) => [skill.id, skill.title]));
  const lessonTitle = new Map(course.lessons.map((lesson) => [lesson.id, lesson.title]));
  const threshold = course.course.masteryThreshold;
  const limit = options.remediationLimit ?? 3;
  const skillOf = (id: string): SkillState => state.skills[id] ?? { mastery: bktParamsFor(id, options).prior, opportunities: 0, failureStreak: 0, remediationProgress: 0, mastered: false };
  const isMastered = (id: string) => skillOf(id).mastered || skillOf(id).mastery >= threshold;
  const exercisesFor = (skill: string) => course.exercises.filter((exercise) => exercise.skills.includes(skill));
  const practicable = (skill: string) => exercisesFor(skill).length > 0;
  // A solved exercise answered right again tells nothing until a day has passed (attempt-evidence.ts), except a template's;
  // a skill whose every exercise is in that state rests: it neither holds the learner nor blocks a lesson.
  const resumesAt = (exercise: PublicExercise) => creditResumesAt(state.exercises[exercise.id], options.repeatGapHours);
  const tellsNow = (exercise: PublicExercise) => isTemplateExercise(exercise) || resumesAt(exercise) <= options.now.getTime();
  const resting = (skill: string) => practicable(skill) && !exercisesFor(skill).some(tellsNow);
  const settled = (skill: string) => isMastered(skill) || !practicable(skill) || resting(skill);
  const lessonFor = (skill: string) => course.lessons.find((lesson) => lesson.skills.includes(skill));

  const pickExercise = (skill: string): PublicExercise | undefined => {
    const target = 1 + skillOf(skill).mastery * 4; // harder exercises as mastery grows
    const candidates = exercisesFor(skill);
    const current = state.activity?.exercise;
    const score = (exercise: PublicExercise) => {
      const seen = state.exercises[exercise.id];
      return [candidates.length > 1 && exercise.id === current ? 1 : 0, tellsNow(exercise) ? 0 : 1, seen?.solved ? 1 : 0, seen?.attempts ?? 0, Math.abs(exercise.difficulty - target), seededRank(options.seed, exercise.id)];
    };
    return candidates
      .map((exercise) => ({ exercise, key: score(exercise) }))
      .sort((a, b) => a.key.reduce((order, value, i) => order || value - b.key[i]!, 0))[0]?.exercise;
  };
  const practise = (kind: ActivityKind, skill: string, reason: string, why: NextWhy): NextActivity => {
    const exercise = pickExercise(skill);
    const lesson = exercise?.lesson ?? lessonFor(skill)?.id;
    return { kind, skill, reason, why, ...(exercise ? { exercise: exercise.id } : {}), ...(lesson ? { lesson } : {}) };
  };

  // 1. Overdue reviews, most overdue first.
  const due = skills
    .filter((skill) => skillOf(skill.id).review && daysOverdue(skillOf(skill.id).review!, options.now) >= 0 && practicable(skill.id))
    .sort((a, b) => Date.parse(skillOf(a.id).review!.due) - Date.parse(skillOf(b.id).review!.due));
  if (due[0]) {
    const days = daysOverdue(skillOf(due[0].id).review!, options.now);
    const when = days === 0 ? "it's due today" : days === 1 ? 'it was due yesterday' : `it was due ${days} days ago`;
    return practise('review', due[0].id, `We'll review ${due[0].title} first — ${when}.`, { code: 'review-due', skill: due[0].id, days });
  }

  // 2. A skill that keeps failing: strengthen a prerequisite that is weak (not mastered, or fading),
  // otherwise go back over the skill's own lesson (which clears the failure streak).
  const failing = skills
    .filter((skill) => !isMastered(skill.id) && skillOf(skill.id).failureStreak >= limit)
    .sort((a, b) => skillOf(b.id).failureStreak - skillOf(a.id).failureStreak)[0];
  if (failing) {
    const weak = (id: string) => {
      const review = skillOf(id).review;
      return !isMastered(id) || (review !== undefined && recallProbability(review, options.now) < 0.9);
    };
    const prerequisite = failing.prerequisites
      .filter((id) => practicable(id) && !resting(id) && weak(id))
      .sort((a, b) => skillOf(a).mastery - skillOf(b).mastery)[0];
    if (prerequisite) {
      return practise('remediate', prerequisite, `${failing.title} keeps going wrong, so let's strengthen ${title.get(prerequisite) ?? prerequisite}, which it builds on.`, { code: 'remediate', skill: failing.id, prerequisite });
    }
    const lesson = lessonFor(failing.id);
    if (lesson) {
      return { kind: 'teach', lesson: lesson.id, skill: failing.id, reason: `Let's go back over ${lesson.title}, since ${failing.title} keeps going wrong.`, why: { code: 'reteach', skill: failing.id, lesson: lesson.id } };
    }
  }

  // 3. The weakest skill in progress: taught (or practised) but not yet mastered.
  const started = new Set(course.lessons.filter((lesson) => state.lessonsStarted.includes(lesson.id)).flatMap((lesson) => lesson.skills));
  const inProgress = skills
    .filter((skill) => !isMastered(skill.id) && practicable(skill.id) && !resting(skill.id))
    .filter((skill) => started.has(skill.id) || skillOf(skill.id).opportunities > 0 || (!lessonFor(skill.id) && skill.prerequisites.every(isMastered)))
    .sort((a, b) => skillOf(a.id).mastery - skillOf(b.id).mastery)[0];
  if (inProgress) {
    const { mastery, opportunities } = skillOf(inProgress.id);
    // Before a graded answer the mastery is only the prior: nothing the learner showed, so not quoted.
    if (opportunities === 0) return practise('practise', inProgress.id, `Let's try an exercise on ${inProgress.title}: you have read about it, now it's your turn.`, { code: 'first-practice', skill: inProgress.id });
    return practise('practise', inProgress.id, `Let's practise ${inProgress.title} — at ${percent(mastery)} it's the skill you're least sure of right now.`, { code: 'practise', skill: inProgress.id, mastery });
  }

  // 4. The next lesson, in course order, whose prerequisites are mastered.
  const lessonDone = (id: string) => course.lessons.find((lesson) => lesson.id === id)?.skills.every(settled) ?? true;
  for (const lesson of course.lessons) {
    if (state.lessonsStarted.includes(lesson.id)) continue;
    const outside = lesson.skills.flatMap((skill) => skills.find((s) => s.id === skill)?.prerequisites ?? []).filter((skill) => !lesson.skills.includes(skill));
    if (!lesson.prerequisites.every(lessonDone) || !outside.every((skill) => isMastered(skill) || resting(skill))) continue;
    if (state.lessonsStarted.length === 0) return { kind: 'teach', lesson: lesson.id, reason: `Let's start with ${lesson.title}.`, why: { code: 'start', lesson: lesson.id } };
    // Only say "mastered" when it is: a skill at rest (every exercise answered) lets the course go on without being mastered.
    const builtOn = [...outside, ...lesson.prerequisites.flatMap((id) => course.lessons.find((item) => item.id === id)?.skills ?? [])];
    if (builtOn.every(isMastered)) return { kind: 'teach', lesson: lesson.id, reason: `Next up: ${lesson.title} — you've mastered what it builds on.`, why: { code: 'next-lesson', lesson: lesson.id } };
    return { kind: 'teach', lesson: lesson.id, reason: `Next up: ${lesson.title} — you have practised what it builds on.`, why: { code: 'next-lesson-practised', lesson: lesson.id } };
  }

  const next = skills.map((skill) => skillOf(skill.id).review?.due).filter((date): date is string => Boolean(date)).sort()[0];
  const blocked = course.lessons.find((lesson) => !state.lessonsStarted.includes(lesson.id));
  if (blocked) return { kind: 'finished', reason: `${lessonTitle.get(blocked.id)} needs skills that are not mastered yet, and nothing else is left to practise.`, why: { code: 'blocked', lesson: blocked.id } };
  const rested = skills.filter((skill) => !isMastered(skill.id) && resting(skill.id));
  if (rested.length > 0) {
    const resumes = new Date(Math.min(...rested.flatMap((skill) => exercisesFor(skill.id).map(resumesAt)))).toISOString();
    const names = rested.map((skill) => skill.title).join(', ');
    return { kind: 'finished', reason: `You have answered every exercise on ${names}; answering them again counts from ${resumes.slice(0, 16).replace('T', ' ')} UTC.`, why: { code: 'finished', practiceResumes: resumes, ...(next ? { nextReview: next } : {}) } };
  }
  return { kind: 'finished', reason: `You've mastered every skill in this course${next ? `; your next review is on ${next.slice(0, 10)}` : ''}.`, why: { code: 'finished', ...(next ? { nextReview: next } : {}) } };
}

/**
 * Skills this learner cannot practise to mastery: not mastered, every exercise on them solved, none a
 * template (whose new numbers would always count). Answering a solved exercise again counts only after
 * a day, so such a skill rests and comes back slowly; the teacher's dashboard lists them, to add exercises.
 */
export function skillsOutOfExercises(state: LearnerState, course: PublicBundle): string[] {
  return course.course.skills
    .map((skill) => skill.id)
    .filter((skill) => {
      const exercises = course.exercises.filter((exercise) => exercise.skills.includes(skill));
      return exercises.length > 0 && !exercises.some(isTemplateExercise) && !state.skills[skill]?.mastered && exercises.every((exercise) => state.exercises[exercise.id]?.solved);
    });
}
