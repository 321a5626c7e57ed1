// The reply when no model may or can answer: the teacher's own material, deterministic feedback,
// authored hints and progress, with a notice that the assistant is offline (DESIGN invariant 5).
// A question is answered with the course's own words (the paragraph that matches it, cited); one the
// course does not cover is passed on to the teacher.
import type { CourseIndex } from '../context/course-index.js';
import { findCourseQuote, quoteText } from './course-quote.js';
import type { TurnSession } from './turn-session.js';
import type { TurnAction } from './turn-types.js';
import { uncoveredQuestion } from './uncovered-question.js';

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

export interface NoModelReply {
  /** The reply, in paragraphs (English UI strings for now; quoted course text in the learner's language when translated). */
  text: string;
  /** Chunk ids the reply quotes. */
  citations: string[];
  /** The message was a question the course does not cover (record it for the teacher). */
  uncovered: boolean;
}

/** Shows course material for the turn and returns the reply. */
export async function noModelReply({ session, index, action, message, shownExercise, shownLesson, answered }: NoModelReplyInput): Promise<NoModelReply> {
  const paragraphs: string[] = [];
  const citations: string[] = [];
  let uncovered = false;
  const activity = session.state.activity;
  if (answered) {
    const verdict = answered.verdict === 'correct' ? 'Correct — well done.' : answered.verdict === 'partially-correct' ? 'Partly right.' : answered.verdict === 'unparseable' ? 'I could not read that answer.' : 'Not quite yet.';
    paragraphs.push(answered.verdict === 'correct' ? verdict : `${verdict} Try again with /answer <your answer>, or ask for a /hint.`);
  }
  if (action.type === 'message') {
    const quote = findCourseQuote(index, message, activity?.lesson);
    if (quote) {
      paragraphs.push(`The course explains this in [${quote.chunk.id}]:`, quoteText(quote, await session.sectionText(quote.chunk)));
      citations.push(quote.chunk.id);
    } else if (uncoveredQuestion(index, message)) {
      uncovered = true;
      paragraphs.push('The course does not cover that, so I have passed your question on to your teacher.');
    }
    const opened = session.current();
    if (opened && !shownExercise) {
      await session.openExercise(opened.exercise.id, activity?.reason ?? 'Your current exercise.');
      paragraphs.push('Here is your exercise. Answer with /answer <your answer>, or ask for a /hint.');
    } else if (!opened && activity?.lesson && !shownLesson) {
      await session.openLesson(activity.lesson, activity.reason);
    }
  }
  // Why this activity: when the plan moved on this turn, or when there is nothing else to say.
  const moved = session.events.some((event) => event.type === 'activity');
  if (activity?.reason && !answered && (moved || paragraphs.length === 0)) paragraphs.push(activity.reason);
  return { text: paragraphs.join('\n\n'), citations, uncovered };
}
