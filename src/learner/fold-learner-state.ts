// Learner state as a fold over events (DESIGN invariant 3). Pure and incremental:
// foldLearnerState(foldLearnerState(s, a), b) equals foldLearnerState(s, [...a, ...b]),
// so the store can keep a snapshot and fold only the tail.
import type { PublicBundle } from '../course/index.js';
import { attemptEvidence, remembersAnswer } from './attempt-evidence.js';
import { defaultBktParams, updateMastery, type BktParams } from './bkt.js';
import { eventTypes, type EventPayload, type EventType, type LearnerEvent } from './events.js';
import type { LearnerState, SkillState } from './learner-state.js';
import { recallProbability, recordReview, startReviewSchedule } from './review-schedule.js';

export interface LearnerModelOptions {
  /** Fitted BKT parameters per skill id; others use `defaultParams`. */
  params?: Record<string, BktParams>;
  defaultParams?: BktParams;
  /** Wrong answers in a row on a skill before the policy remediates a prerequisite (default 3). */
  remediationLimit?: number;
  /** Correct answers on a prerequisite that end a remediation (default 2). */
  remediationLength?: number;
  /** Hours before a solved exercise answered right again counts as evidence (default 20). */
  repeatGapHours?: number;
}

export function bktParamsFor(skill: string, options: LearnerModelOptions): BktParams {
  return options.params?.[skill] ?? options.defaultParams ?? defaultBktParams;
}

/** The event types foldLearnerState reads: chat messages do not change learner state, so a store need not send them. */
export const foldedEventTypes: readonly EventType[] = eventTypes.filter((type) => type !== 'message' && type !== 'shown');

/** Applies `events` (in log order) to a copy of `state`; the input is not modified. */
export function foldLearnerState(state: LearnerState, events: readonly LearnerEvent[], course: PublicBundle, options: LearnerModelOptions = {}): LearnerState {
  const next = structuredClone(state);
  const threshold = course.course.masteryThreshold;
  const prerequisitesOf = new Map(course.course.skills.map((skill) => [skill.id, skill.prerequisites]));
  const skillState = (skill: string): SkillState => {
    let current = next.skills[skill];
    if (!current) {
      current = { mastery: bktParamsFor(skill, options).prior, opportunities: 0, failureStreak: 0, remediationProgress: 0, mastered: false };
      next.skills[skill] = current;
    }
    return current;
  };
  const exerciseState = (exercise: string) => (next.exercises[exercise] ??= { attempts: 0, solved: false, hintsSeen: 0, revealed: false });
  // A lesson is started once taught, or once the learner works on one of its exercises (from the lesson page, say).
  const lessonOf = (exercise: string) => course.exercises.find((candidate) => candidate.id === exercise)?.lesson;
  const startLesson = (lesson: string | undefined) => {
    if (lesson && !next.lessonsStarted.includes(lesson)) next.lessonsStarted.push(lesson);
  };
  const settleMastery = (skill: SkillState, time: string) => {
    skill.mastered = skill.mastery >= threshold;
    if (skill.mastered && !skill.masteredAt) skill.masteredAt = time;
    if (skill.mastered && !skill.review) skill.review = startReviewSchedule(new Date(time));
  };

  const applyAttempt = (attempt: EventPayload<'attempt'>, time: string) => {
    const exercise = exerciseState(attempt.exercise);
    startLesson(lessonOf(attempt.exercise));
    // Right again on an exercise solved recently: the learner may remember the answer, which says nothing new.
    const remembered = remembersAnswer(exercise, attempt, Date.parse(time), options.repeatGapHours);
    if (attempt.verdict !== 'unparseable') exercise.attempts++; // an answer that could not be read opens no hint and counts as no failure
    exercise.lastVerdict = attempt.verdict;
    exercise.solved ||= attempt.verdict === 'correct' && !attempt.revealed;
    exercise.hintsSeen = Math.max(exercise.hintsSeen, attempt.hintsUsed ?? 0); // tolerate payloads stored before defaults applied
    exercise.revealed ||= attempt.revealed ?? false;
    if (remembered) return;
    if (attempt.verdict === 'correct' && !exercise.revealed) exercise.solvedAt = time;
    if (attempt.verdict === 'correct' && attempt.seed !== undefined) {
      // A template exercise moves on to new numbers; their hint ladder starts afresh.
      Object.assign(exercise, { variant: (exercise.variant ?? 0) + 1, hintsSeen: 0, revealed: false });
    }
    const evidence = attemptEvidence(attempt);
    if (!evidence) return;
    for (const skillId of attempt.skills) {
      const skill = skillState(skillId);
      skill.mastery = updateMastery(skill.mastery, evidence, bktParamsFor(skillId, options));
      skill.opportunities++;
      skill.lastPractised = time;
      settleMastery(skill, time);
      if (!evidence.correct) {
        skill.failureStreak++;
        continue;
      }
      skill.failureStreak = 0;
      skill.remediationProgress = 0;
      // A correct answer on a prerequisite counts towards ending a remediation of the skills built on it.
      for (const [dependentId, prerequisites] of prerequisitesOf) {
        const dependent = next.skills[dependentId];
        if (!dependent || !prerequisites.includes(skillId) || dependent.failureStreak < (options.remediationLimit ?? 3)) continue;
        if (++dependent.remediationProgress >= (options.remediationLength ?? 2)) {
          dependent.failureStreak = 0;
          dependent.remediationProgress = 0;
        }
      }
    }
  };

  for (const stored of events) {
    // Times become canonical ISO strings, so the state is the same JSON whatever the store hands in.
    const event = { ...stored, time: new Date(stored.time).toISOString() } as LearnerEvent;
    next.eventCount++;
    next.lastEventId = event.id;
    next.lastEventTime = event.time;
    switch (event.type) {
      case 'attempt':
        applyAttempt(event.payload, event.time);
        break;
      case 'hint': {
        const exercise = exerciseState(event.payload.exercise);
        startLesson(lessonOf(event.payload.exercise));
        exercise.hintsSeen = Math.max(exercise.hintsSeen, event.payload.rung);
        exercise.revealed ||= event.payload.reveals;
        break;
      }
      case 'activity': {
        const { kind, lesson, exercise, skill, reason, why } = event.payload;
        next.activity = { kind, reason, since: event.time, ...(lesson ? { lesson } : {}), ...(exercise ? { exercise } : {}), ...(skill ? { skill } : {}), ...(why ? { why } : {}) };
        if (kind === 'teach') startLesson(lesson);
        // Going back over a failing skill's lesson starts its failure streak afresh.
        if (kind === 'teach' && skill && next.skills[skill]) Object.assign(next.skills[skill], { failureStreak: 0, remediationProgress: 0 });
        break;
      }
      case 'review': {
        const { skill: skillId, passed, exercise } = event.payload;
        const skill = skillState(skillId);
        const reviewedAt = new Date(event.time);
        const card = skill.review ?? startReviewSchedule(reviewedAt);
        // Time has passed since the skill was last seen: FSRS's forgetting curve discounts mastery first.
        const decayed = skill.mastery * recallProbability(card, reviewedAt);
        skill.review = recordReview(card, passed, reviewedAt);
        skill.mastery = updateMastery(decayed, { correct: passed }, bktParamsFor(skillId, options));
        skill.opportunities++;
        skill.lastPractised = event.time;
        settleMastery(skill, event.time);
        if (exercise) {
          const state = exerciseState(exercise);
          state.attempts++;
          state.solved ||= passed;
          if (passed) state.solvedAt = event.time;
        }
        break;
      }
      case 'profile': {
        const { tags, ...fields } = event.payload;
        Object.assign(next.profile, Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)));
        if (tags) next.profile.tags = [...tags];
        break;
      }
      case 'memory': {
        const change = event.payload;
        const index = next.memory.findIndex((item) => item.id === change.item);
        if (change.action === 'delete') {
          if (index >= 0) next.memory.splice(index, 1);
        } else if (change.action === 'correct') {
          const item = next.memory[index];
          if (item) Object.assign(item, { text: change.text, updatedAt: event.time });
        } else if (index >= 0) {
          Object.assign(next.memory[index]!, { text: change.text, evidence: [...change.evidence], updatedAt: event.time });
        } else {
          next.memory.push({ id: change.item, text: change.text, evidence: [...change.evidence], createdAt: event.time, updatedAt: event.time });
        }
        break;
      }
      case 'message':
      case 'shown':
        break;
    }
  }
  return next;
}
