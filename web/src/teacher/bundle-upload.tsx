// Uploads a built course: the {public, keys} JSON, or public.json and keys.json as `primer course build`
// writes them. Files are checked here first so a wrong pick is explained before anything is sent.
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { Button } from '../ui/button.tsx';
import { ErrorMessage } from '../ui/error-message.tsx';
import { readBundleFiles, type ReadBundleError } from './read-bundle-files.ts';
import { shortVersion } from './course-card.tsx';

/** The server's answer: the course id, the version (content hash), and whether that version is new. */
interface UploadResult {
  course: { id: string; title?: string } | string;
  version: string;
  isNew: boolean;
}

export function BundleUpload({ onUploaded }: { onUploaded(): void }) {
  const { t } = useTranslation('teacher');
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [done, setDone] = useState<string | null>(null);

  function explain(problem: ReadBundleError): string {
    return t(`upload.errors.${problem.code}`, { file: problem.file ?? '' });
  }

  async function upload() {
    const files = [...(input.current?.files ?? [])];
    setError(undefined);
    setDone(null);
    const picked = await Promise.all(files.map(async (file) => ({ name: file.name, text: await file.text() })));
    const read = readBundleFiles(picked);
    if (!read.ok) {
      setError(new Error(explain(read.error)));
      return;
    }
    setBusy(true);
    try {
      const result = await api<UploadResult>('/api/teacher/courses', { method: 'POST', body: read.bundle });
      const course = typeof result.course === 'string' ? result.course : result.course.title ?? result.course.id;
      setDone(t(result.isNew ? 'upload.doneNew' : 'upload.doneVersion', { course, version: shortVersion(result.version) }));
      if (input.current) input.current.value = '';
      onUploaded();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card teacher-upload" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`}>{t('upload.title')}</h2>
      <p className="muted">
        {t('upload.explain')} <code dir="ltr">primer course build courses/my-course --out build</code>
      </p>
      <form
        className="teacher-form"
        onSubmit={(event) => {
          event.preventDefault();
          void upload();
        }}
      >
        <div className="field">
          <label htmlFor={inputId}>{t('upload.files')}</label>
          <p className="field-hint" id={`${inputId}-hint`}>
            {t('upload.filesHint')}
          </p>
          <input ref={input} id={inputId} type="file" accept=".json,application/json" multiple aria-describedby={`${inputId}-hint`} />
        </div>
        <Button type="submit" variant="primary" busy={busy}>
          {t('upload.submit')}
        </Button>
      </form>
      <ErrorMessage error={error} title={t('upload.failed')} />
      {done && (
        <p role="status" className="teacher-success">
          {done}
        </p>
      )}
    </section>
  );
}
