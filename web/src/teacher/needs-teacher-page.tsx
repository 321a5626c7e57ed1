// What a learner (or guest) sees at /teach or /admin: why the page is closed, and where to go instead.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../ui/use-page-title.ts';
import './teacher-strings.ts';

export function NeedsTeacherPage({ needs }: { needs: 'teacher' | 'admin' }) {
  const { t } = useTranslation('teacher');
  const title = needs === 'admin' ? t('gate.adminTitle') : t('gate.teacherTitle');
  usePageTitle(title);
  return (
    <section className="teacher-page teacher-gate" aria-labelledby="gate-title">
      <h1 id="gate-title">{title}</h1>
      <p>{needs === 'admin' ? t('gate.adminBody') : t('gate.teacherBody')}</p>
      <p className="muted">{t('gate.inviteHint')}</p>
      <p className="teacher-actions">
        <Link className="button button-primary" to="/">
          {t('gate.backToCourses')}
        </Link>
        <Link className="button button-secondary" to="/login">
          {t('gate.signInOther')}
        </Link>
      </p>
    </section>
  );
}
