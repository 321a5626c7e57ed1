// One message of a conversation, with flag (and a reason) or unflag.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { ApiConversationMessage } from '../api/types.ts';
import { Button } from '../ui/button.tsx';
import { ErrorMessage } from '../ui/error-message.tsx';
import { commandInWords } from '../ui/command-in-words.ts';
import { RichText } from '../ui/rich-text.tsx';
import { ShownExercise, ShownHint } from '../ui/shown-parts.tsx';
import { VerdictView } from '../ui/verdict-view.tsx';
import { teacherPath } from './use-api-data.ts';

/** What the checker said about an answer, as the learner's verdicts are coloured. */
const verdictBadge: Record<NonNullable<ApiConversationMessage['verdicts']>[number]['verdict'], string> = { correct: 'badge-success', 'partially-correct': 'badge-warning', incorrect: 'badge-danger', unparseable: '' };

/** A section the tutor cited, by its id (lesson#section), as the teacher wrote it. */
const citation = (chunk: string) => <code className="teacher-citation">§ {chunk}</code>;

export function ConversationMessage({ course, message, onChanged }: { course: string; message: ApiConversationMessage; onChanged(message: ApiConversationMessage): void }) {
  const { t } = useTranslation('teacher');
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  async function setFlag(flagged: boolean) {
    setBusy(true);
    setError(undefined);
    try {
      const body = flagged && reason.trim() ? { flagged, reason: reason.trim() } : { flagged };
      await api(teacherPath(course, 'messages', message.id, 'flag'), { method: 'POST', body });
      onChanged({ ...message, flagged, flagReason: flagged ? reason.trim() || null : null });
      setAsking(false);
      setReason('');
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={`teacher-message teacher-message-${message.role}${message.flagged ? ' teacher-message-flagged' : ''}`}>
      <div className="teacher-message-body">
        <p className="teacher-message-heading">
          <span className="teacher-message-role">{message.role === 'learner' ? t('conversations.learnerSaid') : t('conversations.tutorSaid')}</span>
          {(message.verdicts ?? []).map((verdict) => (
            <span key={verdict.exercise} className={`badge teacher-verdict ${verdictBadge[verdict.verdict]}`} title={verdict.exercise}>
              {t(`tutor:verdict.${verdict.verdict}`)}
            </span>
          ))}
        </p>
        {/* As the learner saw it: math, emphasis and lists rendered, and the exercises, hints and verdicts it showed; a cited section by its id. */}
        <div className="teacher-message-text" dir="auto">
          {message.text && (message.role === 'learner' ? <RichText text={commandInWords(message.text, t)} /> : <RichText text={message.text} cite={citation} />)}
          {(message.parts ?? []).map((part, index) => {
            switch (part.type) {
              case 'data-exercise':
                return <ShownExercise key={index} exercise={part.data} />;
              case 'data-hint':
                return <ShownHint key={index} hint={part.data} />;
              case 'data-verdict':
                return <VerdictView key={index} verdict={part.data} />;
            }
          })}
          {!message.text && !message.parts?.length && <span className="muted">—</span>}
        </div>
        {message.flagged && (
          <p className="teacher-flag-reason">
            <span className="badge badge-danger">{t('conversations.flagged')}</span> <bdi>{message.flagReason ?? ''}</bdi>
          </p>
        )}
      </div>
      <div className="teacher-message-actions">
        {message.flagged ? (
          <Button size="small" variant="quiet" busy={busy} onClick={() => void setFlag(false)}>
            {t('conversations.unflag')}
          </Button>
        ) : (
          !asking && (
            <Button size="small" variant="quiet" onClick={() => setAsking(true)}>
              {t('conversations.flagEllipsis')}
            </Button>
          )
        )}
      </div>
      {asking && !message.flagged && (
        <form
          className="teacher-flag-form"
          onSubmit={(event) => {
            event.preventDefault();
            void setFlag(true);
          }}
        >
          <label className="teacher-inline-field">
            <span>{t('conversations.reason')}</span>
            <input type="text" autoFocus value={reason} placeholder={t('conversations.reasonPlaceholder')} onChange={(event) => setReason(event.target.value)} />
          </label>
          <Button type="submit" size="small" variant="danger" busy={busy}>
            {t('conversations.flag')}
          </Button>
          <Button size="small" variant="quiet" onClick={() => setAsking(false)}>
            {t('common.cancel')}
          </Button>
        </form>
      )}
      <ErrorMessage error={error} />
    </div>
  );
}
