// The course map (ApiLearnerState): mastery per skill from the folded events, lessons and their
// exercises, what to do next with the progression policy the tutor uses (and its one-sentence
// reason), and the reviews FSRS has made due.
import type { PublicBundle } from '../../course/index.js';
import { hashString } from '../../exercise/index.js';
import { bktParamsFor, chooseNextActivity, type LearnerState } from '../../learner/index.js';
import type { ApiLearnerState, ApiProfile } from '../api-types.js';

export function learnerStateView(state: LearnerState, bundle: PublicBundle, learner: string, now: Date): ApiLearnerState {
  const threshold = bundle.course.masteryThreshold;
  const lessons = bundle.lessons.map((lesson) => {
    const exercises = bundle.exercises.filter((exercise) => exercise.lesson === lesson.id);
    // Started once taught, or once the learner has tried or asked for a hint on one of its exercises (the fold's lessonsStarted).
    return { id: lesson.id, started: state.lessonsStarted.includes(lesson.id), exercisesSolved: exercises.filter((exercise) => state.exercises[exercise.id]?.solved).length, exercises: exercises.length };
  });
  const started = new Set(bundle.lessons.filter((_, index) => lessons[index]!.started).flatMap((lesson) => lesson.skills));
  const reviewsDue: ApiLearnerState['reviewsDue'] = [];
  const skills = bundle.course.skills.map((skill): ApiLearnerState['skills'][number] => {
    const current = state.skills[skill.id];
    const mastery = current?.mastery ?? bktParamsFor(skill.id, {}).prior;
    const mastered = current?.mastered ?? mastery >= threshold;
    const review = current?.review;
    const due = review !== undefined && Date.parse(review.due) <= now.getTime();
    if (due) reviewsDue.push({ skill: skill.id, due: review.due });
    const status = due ? 'review-due' : mastered ? 'mastered' : current?.opportunities || started.has(skill.id) ? 'in-progress' : 'not-started';
    return { id: skill.id, title: skill.title, mastery, opportunities: current?.opportunities ?? 0, mastered, status, ...(review ? { reviewDue: review.due } : {}) };
  });
  // The same policy as the tutor's; the seed is the learner's, so the map does not flicker between reloads.
  const next = chooseNextActivity(state, bundle, { now, seed: hashString(learner) });
  return {
    skills,
    lessons,
    next: next.kind === 'finished' ? null : { kind: next.kind, reason: next.reason, why: next.why, ...(next.lesson ? { lesson: next.lesson } : {}), ...(next.exercise ? { exercise: next.exercise } : {}), ...(next.skill ? { skill: next.skill } : {}) },
    ...(next.why.code === 'finished' && next.why.practiceResumes ? { practiceResumes: next.why.practiceResumes } : {}),
    reviewsDue,
    profile: profileView(state),
  };
}

export function profileView(state: LearnerState): ApiProfile {
  const { language, background, tags, goals, pace } = state.profile;
  return { tags, ...(language ? { language } : {}), ...(background ? { background } : {}), ...(goals ? { goals } : {}), ...(pace ? { pace } : {}) };
}
