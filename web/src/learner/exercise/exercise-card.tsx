// One exercise inside a lesson: the prompt, the answer control, "Check" and "Hint" (each a turn of the
// tutor chat beside the lesson: the checker's verdict or the next rung comes back at once, the tutor's
// words about it stream into the chat), the verdict with feedback, and the hint ladder, with the hints
// and the solve the tutor showed for it in the chat. A template exercise, once answered
// right, offers another one like it: its next variant (GET …/exercises/:id), with new numbers and a
// fresh card. The verdict is the checker's, never a model's: the turn checks before any model speaks.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, coursePath } from '../../api/client.ts';
import { directionOf } from '../../i18n/index.ts';
import type { ApiExercise, ApiVerdict } from '../../api/types.ts';
import { Button } from '../../ui/button.tsx';
import { ErrorMessage } from '../../ui/error-message.tsx';
import { RichText } from '../../ui/rich-text.tsx';
import { AnswerInput, answerAsShown } from './answer-input.tsx';
import { VerdictBadge, VerdictView } from '../../ui/verdict-view.tsx';

export interface HintRung {
  rung: number;
  text: string;
  reveals: boolean;
}

/** What the tutor showed for this exercise in the chat: the card shows the same hints and the solve. */
export interface ExerciseFromChat {
  hints: HintRung[];
  solved: boolean;
}

/** The tutor chat beside the lesson, through which a card answers and asks for hints (TutorChatHandle). */
export interface CardTutor {
  /** Resolves with the checker's verdict, or undefined when none came. `shown`: the answer as the chat shows it. */
  answer(exercise: string, answer: string, shown: string): Promise<ApiVerdict | undefined>;
  /** Resolves with the next rung, or with a notice saying why none came; undefined when the turn did not go through. */
  hint(exercise: string): Promise<{ hint?: HintRung; notice?: string } | undefined>;
}

export function exerciseAnchor(exercise: string) {
  return `exercise-${exercise}`;
}

interface ExerciseCardProps {
  course: string;
  exercise: ApiExercise;
  index: number;
  tutor: CardTutor;
  /** The learner's language, in which the checker reads their answer. */
  language: string;
  fromChat?: ExerciseFromChat;
}

export function ExerciseCard(props: ExerciseCardProps) {
  const [exercise, setExercise] = useState(props.exercise);
  const [asked, setAsked] = useState(false); // the learner asked for another one: the new card takes the focus
  useEffect(() => setExercise(props.exercise), [props.exercise]); // the lesson was loaded again
  const another = async () => {
    setExercise(await api<ApiExercise>(coursePath(props.course, 'exercises', exercise.id)));
    setAsked(true);
  };
  // A new variant is a new card: its answer, verdict and hints start empty (what the chat showed was for the old numbers).
  return <ExerciseCardBody key={`${exercise.id}:${exercise.variant ?? 0}`} {...props} {...(asked ? { fromChat: undefined } : {})} exercise={exercise} focusOnMount={asked} onAnother={exercise.variant === undefined ? undefined : another} />;
}

function ExerciseCardBody({ exercise, index, tutor, language, fromChat, onAnother, focusOnMount }: ExerciseCardProps & { onAnother?: () => Promise<void>; focusOnMount?: boolean }) {
  const { t } = useTranslation('learner');
  const card = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focusOnMount) card.current?.focus(); // the button that asked is gone; keyboard and screen-reader users land on the new exercise
  }, [focusOnMount]);
  const promptId = useId();
  const [answer, setAnswer] = useState(exercise.type === 'code' ? (exercise.starter ?? '') : '');
  const [verdict, setVerdict] = useState<ApiVerdict>();
  const [hints, setHints] = useState<HintRung[]>([]);
  const [hintNotice, setHintNotice] = useState<string>();
  const [checking, setChecking] = useState(false);
  const [hinting, setHinting] = useState(false);
  const [fetching, setFetching] = useState(false);
  const [error, setError] = useState<unknown>();
  const [attempts, setAttempts] = useState(exercise.progress.attempts);
  const [solvedHere, setSolved] = useState(exercise.progress.solved);
  const solved = solvedHere || Boolean(fromChat?.solved);
  const shownHints = [...new Map([...(fromChat?.hints ?? []), ...hints].map((hint) => [hint.rung, hint])).values()].sort((a, b) => a.rung - b.rung);
  const hintsSeen = Math.max(exercise.progress.hintsSeen, ...shownHints.map((hint) => hint.rung));

  async function check() {
    if (!answer.trim() || checking) return;
    setChecking(true);
    setError(undefined);
    try {
      // Mastery moves with the turn's progress part, which the chat hands to the lesson page.
      const checked = await tutor.answer(exercise.id, answer, answerAsShown(exercise, answer));
      if (!checked) throw new Error(t('exercise.notChecked'));
      setVerdict(checked);
      if (checked.verdict !== 'unparseable') setAttempts((count) => count + 1); // an answer that could not be read is not an attempt
      if (checked.verdict === 'correct') setSolved(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setChecking(false);
    }
  }

  async function askHint() {
    setHinting(true);
    setError(undefined);
    try {
      const result = await tutor.hint(exercise.id);
      if (!result) throw new Error(t('exercise.hintNotGiven'));
      const { hint: rung, notice } = result;
      if (rung) setHints((current) => [...current.filter((hint) => hint.rung !== rung.rung), rung]);
      setHintNotice(notice ?? (rung ? undefined : t('exercise.noMoreHints')));
    } catch (failure) {
      setError(failure);
    } finally {
      setHinting(false);
    }
  }

  async function tryAnother() {
    setFetching(true);
    setError(undefined);
    try {
      await onAnother?.();
    } catch (failure) {
      setError(failure);
      setFetching(false);
    }
  }

  const runLabel = exercise.type === 'code' ? t('exercise.runTests') : t('exercise.check');
  const canHint = exercise.hintCount > 0 && hintsSeen < exercise.hintCount;

  return (
    <article ref={card} className={`exercise-card${solved ? ' exercise-solved' : ''}`} id={exerciseAnchor(exercise.id)} tabIndex={-1} aria-labelledby={`${promptId}-title`}>
      <header className="exercise-header">
        <h3 id={`${promptId}-title`}>{t('exercise.title', { number: index })}</h3>
        <span className="exercise-meta">
          {solved ? <VerdictBadge verdict="correct" /> : exercise.progress.lastVerdict && !verdict ? <VerdictBadge verdict={exercise.progress.lastVerdict} /> : null}
          {attempts > 0 && <span className="muted small">{t('exercise.attempts', { count: attempts })}</span>}
        </span>
      </header>
      <div className="exercise-prompt lesson-html" id={promptId} lang={exercise.promptLanguage} dir={directionOf(exercise.promptLanguage)} dangerouslySetInnerHTML={{ __html: exercise.promptHtml }} />
      {exercise.type === 'code' && exercise.tests && exercise.tests.length > 0 && (
        <p className="muted small">{t('exercise.testNames', { names: exercise.tests.map((test) => test.name).join(', ') })}</p>
      )}
      <form
        className="exercise-answer"
        onSubmit={(event) => {
          event.preventDefault();
          void check();
        }}
      >
        <AnswerInput exercise={exercise} value={answer} onChange={setAnswer} promptId={promptId} language={language} disabled={checking} onSubmit={() => void check()} />
        <div className="button-row">
          <Button type="submit" variant="primary" busy={checking} disabled={!answer.trim()}>
            {runLabel}
          </Button>
          {exercise.hintCount > 0 && (
            <Button onClick={askHint} busy={hinting} disabled={!canHint}>
              {hintsSeen === 0 ? t('exercise.hint') : t('exercise.nextHint')}
              <span className="muted small"> {t('exercise.hintCount', { seen: hintsSeen, total: exercise.hintCount })}</span>
            </Button>
          )}
        </div>
      </form>
      <ErrorMessage error={error} />
      <div aria-live="polite">
        {verdict && <VerdictView verdict={verdict} />}
        {verdict?.verdict === 'correct' && onAnother && (
          <div className="button-row">
            <Button onClick={tryAnother} busy={fetching}>
              {t('exercise.another')}
            </Button>
          </div>
        )}
        {shownHints.length > 0 && (
          <ol className="hint-ladder" aria-label={t('exercise.hints')}>
            {shownHints.map((hint) => (
              <li key={hint.rung} className={`hint-rung${hint.reveals ? ' hint-reveals' : ''}`}>
                <p className="hint-label">
                  {t('exercise.hintRung', { rung: hint.rung, total: exercise.hintCount })}
                  {hint.reveals && <span className="badge badge-warning">{t('exercise.reveals')}</span>}
                </p>
                <RichText text={hint.text} />
              </li>
            ))}
          </ol>
        )}
        {hintNotice && <p className="notice notice-info">{hintNotice}</p>}
      </div>
    </article>
  );
}
