// Spaced review of mastered skills with FSRS (ts-fsrs). Cards are kept as plain JSON (ISO dates)
// so learner state can be snapshotted; they are converted at the ts-fsrs boundary.
import { createEmptyCard, fsrs, Rating, type Card } from 'ts-fsrs';

/** An FSRS card as JSON. */
export interface ReviewCard {
  due: string;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview?: string;
}

// Reviews are spaced in days: no same-day learning steps, since reaching mastery was the learning.
const scheduler = fsrs({ enable_short_term: false, enable_fuzz: false, request_retention: 0.9 });

function toCard(card: ReviewCard): Card {
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsedDays,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    ...(card.lastReview ? { last_review: new Date(card.lastReview) } : {}),
  };
}

function fromCard(card: Card): ReviewCard {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    ...(card.last_review ? { lastReview: card.last_review.toISOString() } : {}),
  };
}

/** The schedule of a skill that has just reached mastery: reaching it counts as a first good review. */
export function startReviewSchedule(masteredAt: Date): ReviewCard {
  return fromCard(scheduler.next(createEmptyCard(masteredAt), masteredAt, Rating.Good).card);
}

/** Reschedules after a graded review: passed → Good (longer interval), failed → Again (comes back soon). */
export function recordReview(card: ReviewCard, passed: boolean, reviewedAt: Date): ReviewCard {
  return fromCard(scheduler.next(toCard(card), reviewedAt, passed ? Rating.Good : Rating.Again).card);
}

/** Probability the skill would still be recalled now, by FSRS's forgetting curve. */
export function recallProbability(card: ReviewCard, now: Date): number {
  return scheduler.get_retrievability(toCard(card), now, false);
}

/** Whole days by which a review is overdue (0 = due today, negative = not yet due). */
export function daysOverdue(card: ReviewCard, now: Date): number {
  return Math.floor((now.getTime() - new Date(card.due).getTime()) / 86_400_000);
}
