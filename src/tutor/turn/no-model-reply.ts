// The reply when no model may or can answer: the teacher's own material, deterministic feedback,
// authored hints and progress, with a notice that the assistant is offline (DESIGN invariant 5).
// A request for an exercise's answer gets why the tutor does not give it (and the open exercise again);
// "I don't understand" gets a question about which part; "is 4 right?" how to send it to be checked;
// "what should I learn next?" the plan's next step and why; "how am I doing?" the skills mastered and in progress;
// "skip this one" another exercise; "let's go to the chain rule" that lesson, step by step.
// A question is answered with the course's own words (the paragraph that matches it, cited); one the
// course does not cover is passed on to the teacher; one whose words the course has but no paragraph
// answers gets an honest "not found". A message that asks nothing while the learner is
// on a lesson moves them on to practice. The tutor's own sentences come from the phrase catalogs, in
// the learner's language.
import { toString } from 'mdast-util-to-string';
import { parseMarkdown } from '../../course/index.js';
import { languageNameIn, sameLanguage, type Phrases } from '../../i18n/index.js';
import type { NextWhy } from '../../learner/index.js';
import type { CourseIndex } from '../context/course-index.js';
import { asksAboutCourse, asksForAnother, asksForExample, asksForProgress, asksForTheAnswer, asksToCheck, asksWhatNext, saysStuck } from './message-intents.js';
import { findCourseQuote, findSymbolIntroduced, findWorkedExample, quoteText, symbolAskedAbout, type CourseQuote } from './course-quote.js';
import type { TurnSession } from './turn-session.js';
import type { TurnAction } from './turn-types.js';
import { questionWords, uncoveredQuestion } from './uncovered-question.js';

export interface NoModelReplyInput {
  session: TurnSession;
  index: CourseIndex;
  phrases: Phrases;
  /** Asks the progression policy for an exercise (`another`: other than the open one); true when one was opened. */
  practise: (another?: boolean) => Promise<boolean>;
  action: TurnAction;
  message: string;
  /** The message's language, when detected reliably. */
  messageLanguage?: string;
  /** What was shown already this turn (an exercise opened by the plan, a verdict). */
  shownExercise: boolean;
  shownLesson: boolean;
  /** The tutor went to the lesson the message asked for ("let's go to the chain rule"): its steps are the reply. */
  went?: boolean;
  /** The tutor's recent replies (a second "another example" gets another one). */
  said?: readonly string[];
  answered?: { verdict: string };
}

export interface NoModelReply {
  /** The reply, in paragraphs, in the learner's language where Primer has their phrases (quoted course text as translated). */
  text: string;
  /** Chunk ids the reply quotes. */
  citations: string[];
  /** The message was a question the course does not cover (record it for the teacher). */
  uncovered: boolean;
}

/** Shows course material for the turn and returns the reply. */
export async function noModelReply({ session, index, phrases: t, practise, action, message, messageLanguage, shownExercise, shownLesson, went = false, said = [], answered }: NoModelReplyInput): Promise<NoModelReply> {
  const paragraphs: string[] = [];
  const citations: string[] = [];
  let uncovered = false;
  const moved = () => session.events.some((event) => event.type === 'activity');
  const movedBefore = moved();
  // The verdict itself is its own part (a badge in the web app, a line in the terminal): the reply says what next.
  if (answered) paragraphs.push(t(answered.verdict === 'correct' ? 'reply.well-done' : 'reply.try-again'));
  const asksNext = action.type === 'message' && asksWhatNext(message); // the plan's step, with why, is the whole reply
  if (action.type === 'message') {
    const activity = session.state.activity;
    let example: ReturnType<typeof findWorkedExample>;
    let quote: ReturnType<typeof findCourseQuote>;
    let symbol: string | undefined;
    const asked = questionWords(message); // undefined: the message does not read as a question
    /** The course's own words, cited: `intro` then the quoted paragraphs in the learner's language. */
    const quoteCourse = async (found: CourseQuote, intro: string) => {
      paragraphs.push(intro, quoteText(found, await session.sectionText(found.chunk)));
      citations.push(found.chunk.id);
    };
    if (asksForTheAnswer(message)) {
      paragraphs.push(t('reply.answer-not-given')); // then the open exercise again, with how to get a hint
    } else if (asksToCheck(message)) {
      paragraphs.push(t('reply.send-to-check')); // "is 4 right?": the checker says, once it is sent as the answer (not a passage that says "right")
    } else if (asksAboutCourse(message)) {
      paragraphs.push(await courseAbout(session, t));
    } else if (asksForProgress(message)) {
      paragraphs.push(await progressSummary(session, t));
    } else if (asksNext) {
      // below: on to practice from a lesson, or the open exercise again, and why
    } else if (went) {
      // below: the way through the lesson it asked for
    } else if (asksForExample(message) && (example = findWorkedExample(index, message, activity?.lesson, said))) {
      await quoteCourse(example, t('reply.worked-example', { section: example.chunk.id, title: await session.courseText(example.title) }));
    } else if (asksForAnother(message)) {
      if (await practise(true)) shownExercise = true; // "skip this one": the plan's next exercise, another than the open one where it has one
    } else if (
      (quote = findCourseQuote(index, message, activity?.lesson)) ||
      // "what is h?", "what does f'(x) mean?": where the course first writes it, the learner's lesson first
      ((symbol = symbolAskedAbout(message)) && (quote = findSymbolIntroduced(index, symbol, activity?.lesson)))
    ) {
      await quoteCourse(quote, t('reply.course-explains', { section: quote.chunk.id }));
    } else if (saysStuck(message) && !asked?.length) {
      paragraphs.push(t('reply.which-part')); // "I don't understand": ask what, rather than move on to an exercise
    } else if (messageLanguage !== undefined && !sameLanguage(messageLanguage, session.bundle.course.language) && asked) {
      // Without a model a question in another language shares no words with the course: it can be neither found nor called uncovered.
      paragraphs.push(t('reply.offline-other-language', { language: languageNameIn(session.bundle.course.language, t.language) }));
    } else if (uncoveredQuestion(index, message)) {
      uncovered = true;
      paragraphs.push(t('reply.not-covered'));
    } else if (asked && (asked.length > 0 || writesMath(message))) {
      // The course has the question's words, but no paragraph answers it well enough to quote; or it asks
      // about notation ("what does f'(x) mean?"), which the word search cannot look up.
      paragraphs.push(t('reply.offline-not-found'));
    }
    // "OK", "next", "quiz me" on a lesson the learner already has: on to practice.
    const ready = paragraphs.length === 0 && !movedBefore && !went && !session.current() && activity?.kind === 'teach';
    if (ready && (await practise())) shownExercise = true;
    const opened = session.current();
    const teaching = session.state.activity?.kind === 'teach' ? session.state.activity.lesson : undefined;
    // A lesson the tutor moved to this turn (the plan's, or the one the learner has open), with nothing else to say: the way through it.
    const outline = !opened && (movedBefore || went) && teaching !== undefined && paragraphs.length === 0 ? await lessonOutline(session, teaching, t) : undefined;
    if (opened) {
      if (!shownExercise) await session.openExercise(opened.exercise.id); // the current activity's exercise: no new activity to record
      paragraphs.push(t('reply.here-is-exercise'));
    } else if (session.state.activity?.lesson && !shownLesson && (moved() || paragraphs.length === 0)) {
      // The lesson again only when the tutor moved to it this turn or has nothing else to say: a terminal prints it whole.
      await session.openLesson(session.state.activity.lesson, session.state.activity.reason);
      if (paragraphs.length === 0 && !session.state.activity.why && !outline) paragraphs.push(t('reply.here-is-lesson'));
    } else if (went && !outline) {
      paragraphs.push(t('reply.here-is-lesson')); // a lesson of one section: no steps to list
    }
    if (outline) {
      paragraphs.push(outline.text);
      citations.push(...outline.citations);
    }
  }
  // Why this activity: when the plan moved on this turn, or when there is nothing else to say.
  const why = session.state.activity?.why;
  if (why && !answered && (moved() || paragraphs.length === 0 || asksNext)) {
    const reason = await whySentence(why, t, session);
    if (reason) paragraphs.unshift(reason);
  }
  return { text: paragraphs.join('\n\n'), citations, uncovered };
}

/** A lesson's sections in order, as a numbered list citing each, and how to go through them; none for a lesson of one section. */
async function lessonOutline(session: TurnSession, lessonId: string, t: Phrases): Promise<{ text: string; citations: string[] } | undefined> {
  const lesson = session.bundle.lessons.find((item) => item.id === lessonId);
  // One step per section (a level-2 heading), cited at the chunk that holds it: a short section shares a chunk with its neighbour.
  const steps = session.bundle.chunks
    .filter((chunk) => chunk.lesson === lessonId)
    .flatMap((chunk) => parseMarkdown(chunk.text).children.flatMap((node) => (node.type === 'heading' && node.depth === 2 ? [{ heading: toString(node), chunk: chunk.id }] : [])));
  if (steps.length < 2) return undefined;
  const headings = await Promise.all(steps.map((step) => session.courseText(step.heading)));
  const title = await session.courseText(lesson?.title ?? lessonId);
  const list = headings.map((heading, index) => `${index + 1}. ${heading}`).join('\n');
  return { text: `${t('reply.lesson-outline', { lesson: title })}\n\n${list}\n\n${t('reply.lesson-outline-next')}`, citations: [...new Set(steps.map((step) => step.chunk))] };
}

/** What the course is about, in the teacher's words (its description), and its lessons in order. */
async function courseAbout(session: TurnSession, t: Phrases): Promise<string> {
  const { course, lessons } = session.bundle;
  const titles = await Promise.all(lessons.map((lesson) => session.courseText(lesson.title)));
  const list = titles.map((title, position) => `${position + 1}. ${title}`).join('\n');
  const about = course.description ? `${t('reply.course-about', { title: await session.courseText(course.title) })}\n\n${await session.courseText(course.description.trim())}\n\n` : '';
  return `${about}${t('reply.course-lessons')}\n\n${list}`;
}

/** How many of the course's skills the learner has mastered, and the ones they are working on with their mastery. */
async function progressSummary(session: TurnSession, t: Phrases): Promise<string> {
  const skills = session.progress(session.bundle.course.skills.map((skill) => skill.id));
  const mastered = skills.filter((skill) => skill.status === 'mastered').length;
  const summary = t('reply.progress', { mastered, total: skills.length });
  const working = await Promise.all(skills.filter((skill) => skill.status === 'in-progress').map(async (skill) => `${await session.courseText(skill.title)} (${Math.round(skill.mastery * 100)}%)`));
  if (working.length === 0) return summary;
  return `${summary} ${t('reply.progress-working-on', { skills: new Intl.ListFormat(t.language, { type: 'conjunction' }).format(working) })}`;
}

/** The policy's reason as a sentence in the learner's language, with the course's names (translated where the cache has them). */
async function whySentence(why: NextWhy, t: Phrases, session: TurnSession): Promise<string | undefined> {
  const { course, lessons } = session.bundle;
  const skill = (id: string) => session.courseText(course.skills.find((item) => item.id === id)?.title ?? id);
  const lesson = (id: string) => session.courseText(lessons.find((item) => item.id === id)?.title ?? id);
  switch (why.code) {
    case 'review-due': {
      const key = why.days <= 0 ? 'because.review-today' : why.days === 1 ? 'because.review-yesterday' : 'because.review-overdue';
      return t(key, { skill: await skill(why.skill), days: why.days });
    }
    case 'remediate':
      return t('because.remediate', { skill: await skill(why.skill), prerequisite: await skill(why.prerequisite) });
    case 'reteach':
      return t('because.reteach', { skill: await skill(why.skill), lesson: await lesson(why.lesson) });
    case 'practise':
      return t('because.practise', { skill: await skill(why.skill), percent: Math.round(why.mastery * 100) });
    case 'first-practice':
      return t('because.first-practice', { skill: await skill(why.skill) });
    case 'start':
    case 'next-lesson':
    case 'next-lesson-practised':
      return t(`because.${why.code}`, { lesson: await lesson(why.lesson) });
    default:
      return undefined; // the plan is never `finished` or `blocked` while an activity is open
  }
}

/** True when `text` writes mathematics: f(x), f'(x), x^2, a = b. A question about it is about the subject, not a request to move on. */
function writesMath(text: string): boolean {
  return /\b[a-z]'*\([a-z0-9]|[\^=]/i.test(text);
}
