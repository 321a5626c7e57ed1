// "/onboarding?course=": the first visit to a course asks language, what you know, your goal and pace.
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { coursePath } from '../api/client.ts';
import type { ApiCourseListItem, ApiProfile } from '../api/types.ts';
import { useApiData } from '../api/use-api-data.ts';
import { Button } from '../ui/button.tsx';
import { ErrorMessage } from '../ui/error-message.tsx';
import { Skeleton } from '../ui/spinner.tsx';
import { usePageTitle } from '../ui/use-page-title.ts';
import { skipOnboarding } from './onboarding.ts';
import { ProfileForm } from './profile-form.tsx';

export function OnboardingPage() {
  const { t } = useTranslation('learner');
  const [parameters] = useSearchParams();
  const navigate = useNavigate();
  const courses = useApiData<{ courses: ApiCourseListItem[] }>(parameters.get('course') ? undefined : '/api/courses');
  const course = parameters.get('course') ?? courses.data?.courses[0]?.id;
  const profile = useApiData<ApiProfile>(course ? coursePath(course, 'profile') : undefined);
  usePageTitle(t('onboarding.title'));

  const error = courses.error ?? profile.error;
  if (error) return <ErrorMessage error={error} onRetry={() => (courses.error ? courses.reload() : profile.reload())} />;
  if (courses.data && !course) return <p className="card">{t('courses.none')}</p>;
  if (!course || !profile.data) return <Skeleton lines={6} />;
  const goToCourse = () => navigate(`/courses/${encodeURIComponent(course)}`, { replace: true });

  return (
    <div className="onboarding">
      <div className="onboarding-intro">
        <h1>{t('onboarding.title')}</h1>
        <p className="muted">{t('onboarding.lead')}</p>
      </div>
      <div className="card">
        <ProfileForm
          course={course}
          initial={profile.data}
          submitLabel={t('onboarding.submit')}
          onSaved={goToCourse}
          secondaryAction={
            <Button
              variant="quiet"
              onClick={() => {
                skipOnboarding(course);
                goToCourse();
              }}
            >
              {t('onboarding.skip')}
            </Button>
          }
        />
      </div>
    </div>
  );
}
