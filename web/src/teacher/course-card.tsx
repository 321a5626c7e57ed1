// One course in the teacher's list: where it came from, learners, versions (make an older one
// current) and its check results, with links to the dashboard, conversations and translations.
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { ApiTeacherCourse } from '../api/types.ts';
import { Button } from '../ui/button.tsx';
import { ErrorMessage } from '../ui/error-message.tsx';
import { DiagnosticsList } from './diagnostics-list.tsx';
import { InviteForm } from './invite-form.tsx';
import { teacherPath } from './use-api-data.ts';

export function CourseCard({ course, onChanged }: { course: ApiTeacherCourse; onChanged(): void }) {
  const { t, i18n } = useTranslation('teacher');
  const [busyVersion, setBusyVersion] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const base = `/teach/courses/${encodeURIComponent(course.id)}`;
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  async function makeCurrent(version: string) {
    setBusyVersion(version);
    setError(undefined);
    try {
      await api(teacherPath(course.id, 'current'), { method: 'POST', body: { version } });
      onChanged();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusyVersion(null);
    }
  }

  return (
    <article className="card teacher-course" aria-labelledby={`course-${course.id}`}>
      <header className="teacher-course-header">
        <h2 id={`course-${course.id}`}>{course.title}</h2>
        <p className="muted">
          <code dir="ltr">{course.id}</code> · {course.source === 'folder' ? t('courses.fromFolder') : t('courses.uploaded')} ·{' '}
          {t('courses.learners', { count: course.learners })}
        </p>
      </header>
      <nav className="teacher-course-links" aria-label={t('courses.linksFor', { title: course.title })}>
        <Link className="button button-primary button-small" to={base}>
          {t('nav.dashboard')}
        </Link>
        <Link className="button button-secondary button-small" to={`${base}/conversations`}>
          {t('nav.conversations')}
        </Link>
        <Link className="button button-secondary button-small" to={`${base}/translations`}>
          {t('nav.translations')}
        </Link>
      </nav>

      <h3>{t('courses.check')}</h3>
      <DiagnosticsList diagnostics={course.diagnostics} />

      <details className="teacher-versions">
        <summary>{t('courses.versions', { count: course.versions.length, version: shortVersion(course.version) })}</summary>
        <ul>
          {course.versions.map((version) => (
            <li key={version.version} className="teacher-version">
              <code dir="ltr" title={version.version}>{shortVersion(version.version)}</code>
              <span className="muted">{formatDate(dateFormat, version.publishedAt)}</span>
              {version.current ? (
                <span className="badge badge-accent">{t('courses.current')}</span>
              ) : (
                <Button size="small" busy={busyVersion === version.version} onClick={() => void makeCurrent(version.version)}>
                  {t('courses.makeCurrent')}
                </Button>
              )}
            </li>
          ))}
        </ul>
        <p className="muted">{t('courses.versionsHint')}</p>
      </details>
      <ErrorMessage error={error} />

      <details className="teacher-invite">
        <summary>{t('invite.title')}</summary>
        <InviteForm course={course.id} />
      </details>
    </article>
  );
}

/** The first 12 characters of a content hash, as `primer course build` prints them. */
export function shortVersion(version: string): string {
  return version.length > 16 ? version.slice(0, 12) : version;
}

function formatDate(format: Intl.DateTimeFormat, iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
}
