// The routes. The teacher and admin apps load on demand, so learners never download them.
import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { AccountProvider, useAccount } from './auth/account-context.tsx';
import { AboutMePage } from './learner/about-me-page.tsx';
import { CourseMapPage } from './learner/course-map-page.tsx';
import { HomePage } from './learner/home-page.tsx';
import { InvitePage } from './learner/invite-page.tsx';
import { LoginPage } from './learner/login-page.tsx';
import { NotFoundPage } from './learner/not-found-page.tsx';
import { OnboardingPage } from './learner/onboarding-page.tsx';
import { SetupPage } from './learner/setup-page.tsx';
import { AppLayout } from './ui/app-layout.tsx';
import { Spinner } from './ui/spinner.tsx';

// The lesson screen carries the chat (AI SDK), KaTeX and the exercise widgets: loaded when first opened.
const LessonPage = lazy(() => import('./learner/lesson-page.tsx').then((module) => ({ default: module.LessonPage })));
const TeacherApp = lazy(() => import('./teacher/teacher-app.tsx'));
const AdminApp = lazy(() => import('./teacher/admin-app.tsx'));

/** Screens that need an account: a visitor without one goes to the welcome screen, and comes back after. */
export function RequireAccount({ children }: { children: ReactNode }) {
  const { account, loading } = useAccount();
  const location = useLocation();
  if (loading) return <Spinner />;
  if (!account) return <Navigate to="/" replace state={{ from: location.pathname + location.search }} />;
  return children;
}

export function App() {
  return (
    <AccountProvider>
      <BrowserRouter>
        <Routes>
          <Route element={<AppLayout />}>
            <Route index element={<HomePage />} />
            <Route path="login" element={<LoginPage />} />
            <Route path="setup" element={<SetupPage />} />
            <Route path="invite/:token" element={<InvitePage />} />
            <Route path="onboarding" element={<RequireAccount><OnboardingPage /></RequireAccount>} />
            <Route path="courses/:course" element={<RequireAccount><CourseMapPage /></RequireAccount>} />
            <Route path="courses/:course/lessons/:lesson" element={<RequireAccount><Suspense fallback={<Spinner />}><LessonPage /></Suspense></RequireAccount>} />
            <Route path="me" element={<RequireAccount><AboutMePage /></RequireAccount>} />
            <Route
              path="teach/*"
              element={
                <RequireAccount>
                  <Suspense fallback={<Spinner />}>
                    <TeacherApp />
                  </Suspense>
                </RequireAccount>
              }
            />
            <Route
              path="admin/*"
              element={
                <RequireAccount>
                  <Suspense fallback={<Spinner />}>
                    <AdminApp />
                  </Suspense>
                </RequireAccount>
              }
            />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </AccountProvider>
  );
}
