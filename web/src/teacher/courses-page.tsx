// /teach: the courses this teacher may manage, with check results, versions, invites, and an upload.
import { useTranslation } from 'react-i18next';
import type { ApiTeacherCourse } from '../api/types.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { Skeleton } from '../ui/spinner.tsx';
import { usePageTitle } from '../ui/use-page-title.ts';
import { BundleUpload } from './bundle-upload.tsx';
import { CourseCard } from './course-card.tsx';
import { useApiData } from './use-api-data.ts';

export function CoursesPage() {
  const { t } = useTranslation('teacher');
  usePageTitle(t('courses.title'));
  const courses = useApiData<{ courses: ApiTeacherCourse[] }>('/api/teacher/courses');
  return (
    <div className="teacher-page">
      <h1>{t('courses.title')}</h1>
      <p className="muted">{t('courses.intro')}</p>
      {courses.loading && !courses.data && <Skeleton lines={4} />}
      <ErrorMessage error={courses.error} onRetry={courses.reload} />
      {courses.data && courses.data.courses.length === 0 && <p className="teacher-empty">{t('courses.empty')}</p>}
      <div className="teacher-course-list">
        {courses.data?.courses.map((course) => <CourseCard key={course.id} course={course} onChanged={courses.reload} />)}
      </div>
      <BundleUpload onUploaded={courses.reload} />
    </div>
  );
}
