// One message in the tutor chat: text (with citations as buttons), and the data parts a turn
// carries — verdicts, hints, notices, progress, citations, a pointer to an exercise or lesson.
import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { commandInWords } from '../../ui/command-in-words.ts';
import { RichText } from '../../ui/rich-text.tsx';
import { ShownExercise, ShownHint } from '../../ui/shown-parts.tsx';
import { VerdictView } from '../../ui/verdict-view.tsx';
import type { TutorData, TutorMessage } from './tutor-message.ts';

export interface ChatMessageContext {
  course: string;
  /** The lesson on screen: a pointer to it is not shown. */
  lesson: string;
  /** A label for a cited chunk (its section heading), or undefined when it is not in this lesson. */
  citationLabel(chunk: string): string | undefined;
  onCite(chunk: string): void;
  onShowExercise(exercise: string): void;
}

/** Notices said in the interface language; others (a lesson or exercise id not found) keep the server's text. */
const noticeCodes = new Set(['offline', 'answer-withheld', 'language-retry', 'hint-locked', 'replayed']);

/** Whether a message says the assistant is offline; the chat says it once, not on every reply after it. */
export function saysOffline(message: TutorMessage): boolean {
  return message.parts.some((part) => part.type === 'data-notice' && part.data.code === 'offline');
}

/** The exercises a message showed (by id). */
export function exercisesShown(message: TutorMessage | undefined): Set<string> {
  return new Set((message?.parts ?? []).flatMap((part) => (part.type === 'data-exercise' ? [part.data.exercise] : [])));
}

/**
 * `shownJustBefore`: exercises the tutor's previous message showed; shown again right after, an exercise is
 * only its "Go to the exercise" button (the prompt is just above), as is one this message gives a verdict on.
 */
export function ChatMessageView({ message, context, streaming, offlineSaid = false, shownJustBefore = new Set<string>() }: { message: TutorMessage; context: ChatMessageContext; streaming: boolean; offlineSaid?: boolean; shownJustBefore?: Set<string> }) {
  const { t } = useTranslation('learner');
  const learner = message.role === 'user';
  const cite = (chunk: string): ReactNode => <CitationButton chunk={chunk} context={context} />;
  const textParts = message.parts.filter((part) => part.type === 'text');
  // Mastery moves only with a graded answer, so progress is shown with one (not with an unreadable answer), pointing the way it moved.
  const verdict = message.parts.find((part) => part.type === 'data-verdict')?.data.verdict;
  // An exercise the learner has just answered or asked a hint for (on its card, or here) is only its button: they have its prompt in front of them.
  const workedOn = new Set(message.parts.flatMap((part) => (part.type === 'data-verdict' || part.type === 'data-hint' ? [part.data.exercise] : [])));
  const arrow = verdict === 'correct' || verdict === 'partially-correct' ? '↑' : verdict === 'incorrect' ? '↓' : undefined;
  const empty = textParts.every((part) => !part.text.trim()) && message.parts.every((part) => part.type === 'text' || part.type === 'step-start' || part.type === 'data-turn');
  return (
    <li className={`chat-message ${learner ? 'from-learner' : 'from-tutor'}`}>
      <span className="visually-hidden">{learner ? t('chat.you') : t('chat.tutor')}: </span>
      <div className="chat-bubble" dir="auto">
        {empty && streaming && (
          <span className="typing" aria-label={t('chat.thinking')}>
            <span />
            <span />
            <span />
          </span>
        )}
        {inReadingOrder(message.parts).map((part, index) => {
          switch (part.type) {
            case 'text':
              if (!part.text) return null;
              return learner ? <RichText key={index} text={commandInWords(part.text, t)} /> : <RichText key={index} text={part.text} cite={cite} />;
            case 'data-verdict':
              return <VerdictView key={index} verdict={part.data} />;
            case 'data-hint':
              return <ShownHint key={index} hint={part.data} />;
            case 'data-notice':
              return part.data.code === 'offline' && offlineSaid ? null : (
                <p key={index} className="notice chat-notice" role="status">
                  {noticeCodes.has(part.data.code) ? t(`tutor:notice.${part.data.code}`, part.data.count !== undefined ? { count: part.data.count } : {}) : part.data.message}
                </p>
              );
            case 'data-progress':
              return arrow === undefined ? null : (
                <ul key={index} className="chat-progress" aria-label={t('chat.progress')}>
                  {part.data.skills.map((skill) => (
                    <li key={skill.skill}>
                      {arrow && <span aria-hidden="true">{arrow} </span>}
                      {t('tutor:shown.mastery', { title: skill.title, percent: Math.round(skill.mastery * 100) })}
                    </li>
                  ))}
                </ul>
              );
            case 'data-citations':
              return part.data.chunks.length > 0 ? (
                <p key={index} className="chat-citations">
                  <span className="muted small">{t('chat.sources')} </span>
                  {part.data.chunks.map((chunk) => (
                    <Fragment key={chunk}>{cite(chunk)} </Fragment>
                  ))}
                </p>
              ) : null;
            case 'data-exercise':
              return <ChatExercise key={index} exercise={part.data} context={context} compact={shownJustBefore.has(part.data.exercise) || workedOn.has(part.data.exercise)} />;
            case 'data-lesson':
              if (part.data.lesson === context.lesson) return null;
              return (
                <p key={index}>
                  <Link className="button button-small" to={`/courses/${encodeURIComponent(context.course)}/lessons/${encodeURIComponent(part.data.lesson)}`}>
                    {t('chat.openLesson', { title: part.data.title })}
                  </Link>
                </p>
              );
            default:
              return null;
          }
        })}
      </div>
    </li>
  );
}

/** The parts as the bubble shows them: an exercise after the words that lead to it, the sources last (a stable sort keeps the rest in order). */
function inReadingOrder(parts: TutorMessage['parts']): TutorMessage['parts'] {
  const rank = (part: TutorMessage['parts'][number]) => (part.type === 'data-exercise' ? 1 : part.type === 'data-citations' ? 2 : 0);
  return [...parts].sort((a, b) => rank(a) - rank(b));
}

/** An exercise the tutor opened, as its card shows it (HTML the server rendered from the course's Markdown), to answer here or in the card. */
function ChatExercise({ exercise, context, compact }: { exercise: TutorData['exercise']; context: ChatMessageContext; compact: boolean }) {
  const { t } = useTranslation('learner');
  const goTo = (
    <p>
      <button type="button" className="button button-small" onClick={() => context.onShowExercise(exercise.exercise)}>
        {t('chat.showExercise')}
      </button>
    </p>
  );
  return compact ? goTo : <ShownExercise exercise={exercise} action={goTo} />;
}

function CitationButton({ chunk, context }: { chunk: string; context: ChatMessageContext }) {
  const { t } = useTranslation('learner');
  const label = context.citationLabel(chunk);
  if (!label) {
    const lesson = chunk.split('#')[0] ?? '';
    return (
      <Link className="citation" to={`/courses/${encodeURIComponent(context.course)}/lessons/${encodeURIComponent(lesson)}#${encodeURIComponent(chunk)}`} title={t('chat.citationOther')}>
        {(chunk.split('#')[1] ?? chunk).split('/')[0]!.replace(/-/g, ' ')}
      </Link>
    );
  }
  // Headings read "Lesson › Section"; the chip shows the section, the accessible name says it in full.
  const short = label.split(' › ').at(-1) ?? label;
  return (
    <button type="button" className="citation" onClick={() => context.onCite(chunk)} aria-label={t('chat.citation', { section: label })} title={label}>
      {short.length > 42 ? `${short.slice(0, 40)}…` : short}
    </button>
  );
}
