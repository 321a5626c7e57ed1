// Step 4 of a turn: when the progression policy picks the learner's next activity, and opening it.
import type { PublicBundle } from '../../course/index.js';
import { chooseNextActivity } from '../../learner/index.js';
import type { TurnSession } from './turn-session.js';

/**
 * When the plan picks the next activity: `when-done` (a message) when there is none or the current exercise is done;
 * `practise` (an answer or a hint, or "ready" after a lesson) when no exercise is open; `another` (the learner asks
 * to skip the open exercise) always, and the plan prefers an exercise other than the open one.
 */
export type Advance = 'when-done' | 'practise' | 'another';

/** Opens the plan's next activity as `advance` says; true when an exercise was opened. */
export async function advanceActivity(session: TurnSession, bundle: PublicBundle, advance: Advance, now: Date, random: () => number): Promise<boolean> {
  const activity = session.state.activity;
  const exercise = activity?.exercise ? session.state.exercises[activity.exercise] : undefined;
  const done = exercise && (exercise.solved || exercise.lastVerdict === 'correct');
  // An answer or a hint is for the open exercise; only without one does the plan pick an exercise first.
  if (advance === 'practise' ? Boolean(activity?.exercise) : advance === 'when-done' && activity && !done) return false;
  const next = chooseNextActivity(session.state, bundle, { now, seed: Math.floor(random() * 2 ** 31) });
  if (next.kind === 'finished') return false;
  const current = session.state.activity;
  if (current && current.kind === next.kind && current.lesson === next.lesson && current.exercise === next.exercise) return false;
  session.setActivity({ kind: next.kind, reason: next.reason, why: next.why, ...(next.lesson ? { lesson: next.lesson } : {}), ...(next.exercise ? { exercise: next.exercise } : {}), ...(next.skill ? { skill: next.skill } : {}) });
  if (!next.exercise) return false;
  await session.openExercise(next.exercise, next.reason);
  return true;
}
