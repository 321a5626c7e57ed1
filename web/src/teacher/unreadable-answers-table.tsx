// The answers the checker could not read most often, as learners typed them: what a prompt may need
// to say about how to write the answer (a unit, a fraction, which variable, the decimal sign).
import { useTranslation } from 'react-i18next';
// By file, not through src/exercise/index.ts, which also exports the code sandboxes (Node only).
import { describeProblem } from '../../../src/exercise/answer-problem.ts';
import type { ApiDashboard } from '../api/types.ts';

export function UnreadableAnswersTable({ answers }: { answers: ApiDashboard['unreadableAnswers'] }) {
  const { t, i18n } = useTranslation('teacher');
  if (answers.length === 0) return null;
  return (
    <div className="unreadable-answers">
      <h3>{t('dashboard.stuck.unreadableTitle')}</h3>
      <p className="muted small">{t('dashboard.stuck.unreadableHelp')}</p>
      <table className="teacher-table">
        <thead>
          <tr>
            <th scope="col">{t('dashboard.exercise')}</th>
            <th scope="col">{t('dashboard.stuck.answer')}</th>
            <th scope="col">{t('dashboard.stuck.reason')}</th>
            <th scope="col">{t('dashboard.misconceptions.times')}</th>
            <th scope="col">{t('dashboard.learners')}</th>
          </tr>
        </thead>
        <tbody>
          {answers.map((row) => (
            <tr key={`${row.exercise}\u0000${row.answer}`}>
              <th scope="row">{row.exercise}</th>
              <td>
                <code dir="auto">{row.answer}</code>
              </td>
              <td>{row.problem ? describeProblem(row.problem, i18n.language) : '—'}</td>
              <td>{row.count}</td>
              <td>{row.learners}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
