// The reply when no model may or can answer: the teacher's own material, deterministic feedback,
// authored hints and progress, with a notice that the assistant is offline (DESIGN invariant 5).
import type { CourseIndex } from '../context/course-index.js';
import type { TurnSession } from './turn-session.js';
import type { TurnAction } from './turn-types.js';

export interface NoModelReplyInput {
  session: TurnSession;
  index: CourseIndex;
  action: TurnAction;
  message: string;
  /** What was shown already this turn (an exercise opened by the plan, a verdict). */
  shownExercise: boolean;
  shownLesson: boolean;
  answered?: { verdict: string };
}

/** Shows course material for the turn and returns the reply text (English UI strings for now). */
export async function noModelReply({ session, index, action, message, shownExercise, shownLesson, answered }: NoModelReplyInput): Promise<string> {
  const lines: string[] = [];
  const activity = session.state.activity;
  if (answered) {
    lines.push(answered.verdict === 'correct' ? 'Correct — well done.' : answered.verdict === 'partially-correct' ? 'Partly right.' : answered.verdict === 'unparseable' ? 'I could not read that answer.' : 'Not quite yet.');
    if (answered.verdict !== 'correct') lines.push('Try again with /answer <your answer>, or ask for a /hint.');
  }
  const opened = session.current();
  if (opened && !shownExercise && action.type === 'message') {
    await session.openExercise(opened.exercise.id, activity?.reason ?? 'Your current exercise.');
    lines.push('Here is your exercise. Answer with /answer <your answer>, or ask for a /hint.');
  } else if (!opened && activity?.lesson && !shownLesson && action.type === 'message') {
    const match = index.search(message, { lesson: activity.lesson, limit: 1 })[0];
    if (match && match.lesson === activity.lesson) lines.push(`From the course [${match.id}]: ${match.heading}`);
    await session.openLesson(activity.lesson, activity.reason);
  }
  if (activity?.reason && !answered) lines.push(activity.reason);
  return lines.join(' ');
}
