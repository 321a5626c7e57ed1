// Questions the course could not answer: the teacher marks each answered (e.g. after adding a section)
// or dismissed, with an optional note.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { ApiDashboard } from '../api/types.ts';
import { Button } from '../ui/button.tsx';
import { ErrorMessage } from '../ui/error-message.tsx';
import { teacherPath } from './use-api-data.ts';

type Question = ApiDashboard['questions'][number];

export function QuestionsList({ course, questions, onChanged }: { course: string; questions: Question[]; onChanged(question: Question): void }) {
  const { t } = useTranslation('teacher');
  const [showClosed, setShowClosed] = useState(false);
  if (questions.length === 0) return <p className="teacher-empty">{t('dashboard.questions.empty')}</p>;
  const open = questions.filter((question) => question.status === 'open');
  const shown = showClosed ? questions : open;
  return (
    <div>
      <p className="muted">{t('dashboard.questions.summary', { open: open.length, total: questions.length })}</p>
      <label className="teacher-checkbox">
        <input type="checkbox" checked={showClosed} onChange={(event) => setShowClosed(event.target.checked)} /> {t('dashboard.questions.showClosed')}
      </label>
      {shown.length === 0 && <p className="teacher-empty">{t('dashboard.questions.allDone')}</p>}
      <ul className="teacher-questions">
        {shown.map((question) => (
          <QuestionItem key={question.id} course={course} question={question} onChanged={onChanged} />
        ))}
      </ul>
    </div>
  );
}

function QuestionItem({ course, question, onChanged }: { course: string; question: Question; onChanged(question: Question): void }) {
  const { t, i18n } = useTranslation('teacher');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<Question['status'] | null>(null);
  const [error, setError] = useState<unknown>(undefined);

  async function setStatus(status: Question['status']) {
    setBusy(status);
    setError(undefined);
    try {
      await api(teacherPath(course, 'questions', question.id), { method: 'POST', body: note.trim() ? { status, note: note.trim() } : { status } });
      onChanged({ ...question, status });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  }

  const date = new Date(question.createdAt);
  return (
    <li className="card teacher-question">
      <blockquote lang={question.language ?? undefined} dir="auto">{question.question}</blockquote>
      <p className="muted">
        <bdi>{question.learner}</bdi> · <bdi>{Number.isNaN(date.getTime()) ? question.createdAt : date.toLocaleDateString(i18n.language)}</bdi>
        {question.language && (
          <>
            {' · '}
            <bdi>{question.language}</bdi>
          </>
        )}{' '}
        ·{' '}
        <span className={`badge ${question.status === 'open' ? 'badge-warning' : question.status === 'answered' ? 'badge-success' : ''}`}>{t(`dashboard.questions.status.${question.status}`)}</span>
      </p>
      <div className="teacher-question-actions">
        <label className="teacher-inline-field">
          <span className="visually-hidden">{t('dashboard.questions.note')}</span>
          <input type="text" value={note} placeholder={t('dashboard.questions.notePlaceholder')} onChange={(event) => setNote(event.target.value)} />
        </label>
        <Button size="small" variant="primary" busy={busy === 'answered'} disabled={question.status === 'answered'} onClick={() => void setStatus('answered')}>
          {t('dashboard.questions.markAnswered')}
        </Button>
        <Button size="small" busy={busy === 'dismissed'} disabled={question.status === 'dismissed'} onClick={() => void setStatus('dismissed')}>
          {t('dashboard.questions.dismiss')}
        </Button>
        {question.status !== 'open' && (
          <Button size="small" variant="quiet" busy={busy === 'open'} onClick={() => void setStatus('open')}>
            {t('dashboard.questions.reopen')}
          </Button>
        )}
      </div>
      <ErrorMessage error={error} />
    </li>
  );
}
