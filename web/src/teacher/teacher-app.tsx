// The teacher app, mounted by the web app at /teach/* and loaded on demand. Learners and guests get a
// page that explains they need a teacher account, never a blank screen.
import { Link, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAccount } from '../auth/account-context.tsx';
import { ConversationsPage } from './conversations-page.tsx';
import { CourseLayout } from './course-layout.tsx';
import { CoursesPage } from './courses-page.tsx';
import { DashboardPage } from './dashboard-page.tsx';
import { NeedsTeacherPage } from './needs-teacher-page.tsx';
import { TranslationsPage } from './translations-page.tsx';
import './teacher-strings.ts';
import './teacher.css';

export default function TeacherApp() {
  const { account } = useAccount();
  if (!account || (account.role !== 'teacher' && account.role !== 'admin')) return <NeedsTeacherPage needs="teacher" />;
  return (
    <Routes>
      <Route index element={<CoursesPage />} />
      <Route path="courses/:course" element={<CourseLayout />}>
        <Route index element={<DashboardPage />} />
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
