// The frame of one course's teacher screens: its title and tabs (dashboard, conversations, translations).
import { Link, NavLink, Outlet, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ApiTeacherCourse } from '../api/types.ts';
import { ApiError } from '../api/client.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { useApiData } from './use-api-data.ts';

export function CourseLayout() {
  const { t } = useTranslation('teacher');
  const { course = '' } = useParams();
  const courses = useApiData<{ courses: ApiTeacherCourse[] }>('/api/teacher/courses');
  const found = courses.data?.courses.find((candidate) => candidate.id === course);
  const base = `/teach/courses/${encodeURIComponent(course)}`;

  if (courses.data && !found) {
    return (
      <div className="teacher-page">
        <h1>{t('course.notFoundTitle')}</h1>
        <p>{t('course.notFound', { course })}</p>
        <Link to="/teach">{t('nav.allCourses')}</Link>
      </div>
    );
  }
  return (
    <div className="teacher-page">
      <p className="teacher-breadcrumb">
        <Link to="/teach">{t('nav.allCourses')}</Link>
      </p>
      <h1>{found?.title ?? course}</h1>
      {courses.error instanceof ApiError && <ErrorMessage error={courses.error} onRetry={courses.reload} />}
      <nav className="teacher-tabs" aria-label={t('nav.courseSections')}>
        <NavLink to={base} end>
          {t('nav.dashboard')}
        </NavLink>
        <NavLink to={`${base}/conversations`}>{t('nav.conversations')}</NavLink>
        <NavLink to={`${base}/translations`}>{t('nav.translations')}</NavLink>
      </nav>
      <Outlet />
    </div>
  );
}
