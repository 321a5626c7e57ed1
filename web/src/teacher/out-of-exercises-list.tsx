// Skills on which learners solved every exercise without reaching mastery. A solved exercise answered
// again counts only the next day, so these learners practise that skill slowly: add exercises or a template.
import { useTranslation } from 'react-i18next';
import type { ApiDashboard } from '../api/types.ts';

export function OutOfExercisesList({ skills }: { skills: ApiDashboard['outOfExercises'] }) {
  const { t } = useTranslation('teacher');
  if (skills.length === 0) return null;
  return (
    <div className="teacher-out-of-exercises">
      <h3>{t('dashboard.outOfExercises.title')}</h3>
      <p className="muted small">{t('dashboard.outOfExercises.help')}</p>
      <ul>
        {skills.map((skill) => (
          <li key={skill.skill}>{t('dashboard.outOfExercises.item', { skill: skill.title, count: skill.learners })}</li>
        ))}
      </ul>
    </div>
  );
}
