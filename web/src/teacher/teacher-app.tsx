// The teacher app, mounted by the web app at /teach/* and loaded on demand. Learners and guests get a
// page that explains they need a teacher account, never a blank screen.
import { lazy, Suspense } from 'react';
import { Link, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAccount } from '../auth/account-context.tsx';
import { Skeleton } from '../ui/spinner.tsx';
import { ConversationsPage } from './conversations-page.tsx';
import { CourseLayout } from './course-layout.tsx';
import { CoursesPage } from './courses-page.tsx';
import { NeedsTeacherPage } from './needs-teacher-page.tsx';
import { TranslationsPage } from './translations-page.tsx';
import './teacher-strings.ts';
import './teacher.css';

// The dashboard brings Observable Plot (most of the teacher app's weight): load it when first opened.
const DashboardPage = lazy(() => import('./dashboard-page.tsx').then((module) => ({ default: module.DashboardPage })));

export default function TeacherApp() {
  const { account } = useAccount();
  if (!account || (account.role !== 'teacher' && account.role !== 'admin')) return <NeedsTeacherPage needs="teacher" />;
  return (
    <Routes>
      <Route index element={<CoursesPage />} />
      <Route path="courses/:course" element={<CourseLayout />}>
        <Route
          index
          element={
            <Suspense fallback={<Skeleton lines={6} />}>
              <DashboardPage />
            </Suspense>
          }
        />
        <Route path="conversations" element={<ConversationsPage />} />
        <Route path="translations" element={<TranslationsPage />} />
      </Route>
      <Route path="*" element={<TeacherNotFound />} />
    </Routes>
  );
}

function TeacherNotFound() {
  const { t } = useTranslation('teacher');
  return (
    <div className="teacher-page">
      <h1>{t('notFound.title')}</h1>
      <p>
        <Link to="/teach">{t('nav.allCourses')}</Link>
      </p>
    </div>
  );
}
