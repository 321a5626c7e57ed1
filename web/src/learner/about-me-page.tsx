// "/me": what Primer knows about me — my profile and the tutor's notes per course, editable, all my data as JSON, and deleting my account.
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { coursePath } from '../api/client.ts';
import type { ApiCourseListItem, ApiProfile } from '../api/types.ts';
import { useApiData } from '../api/use-api-data.ts';
import { useAccount } from '../auth/account-context.tsx';
import { ErrorMessage } from '../ui/error-message.tsx';
import { SelectField } from '../ui/field.tsx';
import { Skeleton } from '../ui/spinner.tsx';
import { usePageTitle } from '../ui/use-page-title.ts';
import { DeleteAccount } from './delete-account.tsx';
import { MemoryList } from './memory-list.tsx';
import { ProfileForm } from './profile-form.tsx';

export function AboutMePage() {
  const { t } = useTranslation('learner');
  const { account } = useAccount();
  const [parameters, setParameters] = useSearchParams();
  const courses = useApiData<{ courses: ApiCourseListItem[] }>('/api/courses');
  const list = (courses.data?.courses ?? []).filter((course) => course.access !== 'teacher');
  const course = parameters.get('course') ?? list[0]?.id;
  const profile = useApiData<ApiProfile>(course ? coursePath(course, 'profile') : undefined);
  const [saved, setSaved] = useState(false);
  usePageTitle(t('me.title'));

  return (
    <div className="about-me">
      <div className="page-header">
        <div>
          <h1>{t('me.title')}</h1>
          <p className="muted">{t('me.lead')}</p>
        </div>
        <a className="button button-secondary" href="/api/me/export" download>
          <span aria-hidden="true">⬇</span> {t('me.download')}
        </a>
      </div>
      {account && (
        <section className="card" aria-labelledby="me-account">
          <h2 id="me-account">{t('me.account')}</h2>
          <p>{account.guest ? t('me.guestAccount') : `${account.name} · ${account.email}`}</p>
          {account.role === 'learner' && <DeleteAccount account={account} />}
        </section>
      )}
      {courses.error && <ErrorMessage error={courses.error} onRetry={courses.reload} />}
      {list.length > 1 && (
        <div className="card">
          <SelectField label={t('me.course')} value={course} onChange={(event) => setParameters({ course: event.target.value })}>
            {list.map((item) => (
              <option key={item.id} value={item.id}>
                {item.title}
              </option>
            ))}
          </SelectField>
        </div>
      )}
      {course && (
        <>
          <section className="card" aria-labelledby="me-profile">
            <h2 id="me-profile">{t('me.profile')}</h2>
            {profile.error && <ErrorMessage error={profile.error} onRetry={profile.reload} />}
            {profile.data ? (
              <ProfileForm
                key={course}
                course={course}
                initial={profile.data}
                submitLabel={t('common:action.save')}
                onSaved={(next) => {
                  profile.setData(next);
                  setSaved(true);
                }}
                secondaryAction={saved && <span role="status" className="muted">{t('common:status.saved')}</span>}
              />
            ) : (
              !profile.error && <Skeleton lines={5} />
            )}
          </section>
          <section className="card" aria-labelledby="me-memory">
            <h2 id="me-memory">{t('me.memory')}</h2>
            <p className="muted small">{t('me.memoryLead')}</p>
            <MemoryList key={course} course={course} />
          </section>
        </>
      )}
    </div>
  );
}
