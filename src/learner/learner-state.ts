// The learner's state: a fold over their events (see fold-learner-state.ts). Plain JSON, so the
// store can snapshot it and fold only the tail of newer events.
import type { ActivityKind, NextWhy, Verdict } from './events.js';
import type { ReviewCard } from './review-schedule.js';

export interface SkillState {
  /** P(learned) at the next opportunity (BKT). */
  mastery: number;
  /** Graded opportunities that counted as evidence. */
  opportunities: number;
  /** Wrong answers in a row (reset by a correct one, or by remediation). */
  failureStreak: number;
  /** Correct answers on prerequisites since the failure streak reached the remediation limit. */
  remediationProgress: number;
  /** True once mastery reached the course's threshold; a failed review below it clears it. */
  mastered: boolean;
  masteredAt?: string;
  /** FSRS schedule, from the first time the skill was mastered. */
  review?: ReviewCard;
  lastPractised?: string;
}

export interface ExerciseState {
  /** Answers judged (an unreadable one is not counted): they open revealing hints (minAttempts). */
  attempts: number;
  solved: boolean;
  /** The last correct answer that counted as evidence (see creditResumesAt). */
  solvedAt?: string;
  /** A template exercise's variant shown now (0 first): each correct answer moves on to new numbers. */
  variant?: number;
  lastVerdict?: Verdict;
  hintsSeen: number;
  revealed: boolean;
}

export interface LearnerProfile {
  language?: string;
  background?: string;
  tags: string[];
  goals?: string;
  pace?: 'slow' | 'steady' | 'fast';
}

export interface MemoryItem {
  id: string;
  text: string;
  /** Ids of the events that support the observation. */
  evidence: string[];
  createdAt: string;
  updatedAt: string;
}

export interface CurrentActivity {
  kind: ActivityKind;
  lesson?: string;
  exercise?: string;
  skill?: string;
  reason: string;
  /** Why the policy chose it, as data; absent when the learner chose it. */
  why?: NextWhy;
  since: string;
}

export interface LearnerState {
  format: 1;
  /** Events folded so far, and the last one: where a snapshot's tail starts. */
  eventCount: number;
  lastEventId?: string;
  lastEventTime?: string;
  skills: Record<string, SkillState>;
  exercises: Record<string, ExerciseState>;
  /** Lessons the learner has been taught (an activity of kind teach) or has worked on (an attempt or a hint on one of their exercises), in order. */
  lessonsStarted: string[];
  profile: LearnerProfile;
  memory: MemoryItem[];
  activity?: CurrentActivity;
}

/** The state before any event. */
export function emptyLearnerState(): LearnerState {
  return { format: 1, eventCount: 0, skills: {}, exercises: {}, lessonsStarted: [], profile: { tags: [] }, memory: [] };
}
