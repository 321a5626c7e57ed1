// One chunk under review: the course text beside an editable translation, and Approve.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { ApiTranslation } from '../api/types.ts';
import { Button } from '../ui/button.tsx';
import { ErrorMessage } from '../ui/error-message.tsx';
import { supportedLanguages } from '../i18n/index.ts';
import { teacherPath } from './use-api-data.ts';

export function TranslationReview({
  course,
  translation,
  direction,
  showLanguage,
  onApproved,
}: {
  course: string;
  translation: ApiTranslation;
  direction: 'ltr' | 'rtl';
  showLanguage: boolean;
  onApproved(translation: ApiTranslation): void;
}) {
  const { t } = useTranslation('teacher');
  const id = useId();
  const [text, setText] = useState(translation.text);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const edited = text !== translation.text;
  const approved = translation.status === 'approved';

  async function approve() {
    setBusy(true);
    setError(undefined);
    try {
      await api(teacherPath(course, 'translations', translation.chunkHash, translation.language), { method: 'PUT', body: { text } });
      onApproved({ ...translation, text, status: 'approved' });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="card teacher-translation" aria-labelledby={`${id}-heading`}>
      <header className="teacher-translation-header">
        <h2 id={`${id}-heading`}>{translation.heading}</h2>
        <code className="muted" dir="ltr">{translation.chunk}</code>
        {showLanguage && <span className="badge badge-accent">{languageName(translation.language)}</span>}
        {approved && !edited ? (
          <span className="badge badge-success">✓ {t('translations.approved')}</span>
        ) : (
          <span className="badge">{translation.model ? t('translations.machineBy', { model: translation.model }) : t('translations.machine')}</span>
        )}
      </header>
      <div className="teacher-translation-columns">
        <div>
          <h3 id={`${id}-source`}>{t('translations.source')}</h3>
          <div className="teacher-source" aria-labelledby={`${id}-source`} dir="auto">
            {translation.source}
          </div>
        </div>
        <div>
          <h3>
            <label htmlFor={`${id}-text`}>{t('translations.translation')}</label>
          </h3>
          <textarea
            id={`${id}-text`}
            lang={translation.language}
            dir={direction}
            value={text}
            rows={Math.min(18, Math.max(5, text.split('\n').length + 1))}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
      </div>
      <div className="teacher-actions">
        {(!approved || edited) && (
          <Button variant="primary" size="small" busy={busy} onClick={() => void approve()}>
            {edited ? t('translations.saveApprove') : t('translations.approve')}
          </Button>
        )}
        {edited && (
          <Button size="small" variant="quiet" onClick={() => setText(translation.text)}>
            {t('translations.undo')}
          </Button>
        )}
      </div>
      <ErrorMessage error={error} />
    </li>
  );
}

function languageName(code: string): string {
  return supportedLanguages.find((language) => language.code === code)?.name ?? code;
}
