// "/": a visitor sees the welcome; a signed-in learner sees their courses, or goes straight into the only one.
import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { ApiCourseListItem } from '../api/types.ts';
import { useApiData } from '../api/use-api-data.ts';
import { useAccount } from '../auth/account-context.tsx';
import { Button } from '../ui/button.tsx';
import { ErrorMessage } from '../ui/error-message.tsx';
import { Skeleton, Spinner } from '../ui/spinner.tsx';
import { usePageTitle } from '../ui/use-page-title.ts';
import { languageName } from './content-languages.ts';

export function HomePage() {
  const { account, loading } = useAccount();
  if (loading) return <Spinner />;
  return account ? <CourseList /> : <Welcome />;
}

function Welcome() {
  const { t } = useTranslation('learner');
  const { refresh } = useAccount();
  const navigate = useNavigate();
  const location = useLocation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  usePageTitle(undefined);
  const from = (location.state as { from?: string } | null)?.from;

  async function startAsGuest() {
    setBusy(true);
    setError(undefined);
    try {
      await api('/api/auth/guest', { method: 'POST', body: {} });
      await refresh();
      if (from) navigate(from, { replace: true });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <div className="welcome-text">
        <h1 id="welcome-title">{t('welcome.title')}</h1>
        <p className="welcome-lead">{t('welcome.lead')}</p>
        <ul className="welcome-points">
          <li>{t('welcome.pointLanguage')}</li>
          <li>{t('welcome.pointPractice')}</li>
          <li>{t('welcome.pointMemory')}</li>
        </ul>
        <div className="button-row">
          <Button variant="primary" busy={busy} onClick={startAsGuest}>
            {t('welcome.start')}
          </Button>
          <Link className="button button-secondary" to="/login" state={{ from }}>
            {t('welcome.signIn')}
          </Link>
        </div>
        <p className="muted small">{t('welcome.guestNote')}</p>
        <ErrorMessage error={error} />
      </div>
    </section>
  );
}

function CourseList() {
  const { t } = useTranslation('learner');
  const { account } = useAccount();
  const courses = useApiData<{ courses: ApiCourseListItem[] }>('/api/courses');
  usePageTitle(t('courses.title'));
  if (courses.error) return <ErrorMessage error={courses.error} onRetry={courses.reload} />;
  if (!courses.data) return <Skeleton lines={4} />;
  const list = courses.data.courses;
  const learnable = list.filter((course) => course.access !== 'teacher');
  if (learnable.length === 1 && account?.role === 'learner') return <Navigate to={`/courses/${encodeURIComponent(learnable[0]!.id)}`} replace />;
  return (
    <div>
      <div className="page-header">
        <h1>{t('courses.title')}</h1>
      </div>
      {list.length === 0 ? (
        <div className="card">
          <p>{t('courses.none')}</p>
          {(account?.role === 'teacher' || account?.role === 'admin') && <Link to="/teach">{t('courses.teachLink')}</Link>}
        </div>
      ) : (
        <ul className="course-grid">
          {list.map((course) => (
            <li key={course.id} className="card course-card">
              <h2>
                <Link to={`/courses/${encodeURIComponent(course.id)}`}>{course.title}</Link>
              </h2>
              <p className="muted small">
                <span lang={course.language}>{languageName(course.language)}</span> · {t('courses.version', { version: course.version.slice(0, 12) })}
              </p>
              {course.access === 'teacher' && <span className="badge badge-accent">{t('courses.youTeach')}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
