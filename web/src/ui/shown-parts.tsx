// What a tutor message showed besides its words: an exercise (its prompt and choices as the card
// shows them, HTML the server rendered from the course's Markdown) and a hint. The learner's chat
// shows them, and the teacher reads them in a conversation, the same way.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiTurnDataParts } from '../api/types.ts';
import { RichText } from './rich-text.tsx';

/** `action`: what the reader can do with it (the learner's "Go to the exercise"), below the prompt. */
export function ShownExercise({ exercise, action }: { exercise: ApiTurnDataParts['exercise']; action?: ReactNode }) {
  return (
    <div className="chat-exercise">
      {/* the course's language may not be the interface's: each block takes its direction from its own text */}
      <div className="lesson-html" dir="auto" dangerouslySetInnerHTML={{ __html: exercise.promptHtml }} />
      {exercise.choices && (
        <ol className="chat-choices" type="A">
          {exercise.choices.map((choice) => (
            <li key={choice.id} className="lesson-html" dir="auto" dangerouslySetInnerHTML={{ __html: choice.html }} />
          ))}
        </ol>
      )}
      {action}
    </div>
  );
}

export function ShownHint({ hint }: { hint: ApiTurnDataParts['hint'] }) {
  const { t } = useTranslation('learner');
  return (
    <div className="hint-rung chat-hint">
      <p className="hint-label">
        {t('tutor:shown.hint', { rung: hint.rung })}
        {hint.reveals && <span className="badge badge-warning">{t('exercise.reveals')}</span>}
      </p>
      <RichText text={hint.text} />
    </div>
  );
}
