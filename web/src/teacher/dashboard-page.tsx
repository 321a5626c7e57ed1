// /teach/courses/:course: how learners are doing — mastery, where they get stuck, what the course
// does not answer, common misconceptions, and what the models cost.
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ApiDashboard } from '../api/types.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { Skeleton } from '../ui/spinner.tsx';
import { usePageTitle } from '../ui/use-page-title.ts';
import { CostChart } from './cost-chart.tsx';
import { MasteryHeatmap } from './mastery-heatmap.tsx';
import { MisconceptionsChart } from './misconceptions-chart.tsx';
import { OutOfExercisesList } from './out-of-exercises-list.tsx';
import { QuestionsList } from './questions-list.tsx';
import { StuckChart } from './stuck-chart.tsx';
import { UnreadableAnswersTable } from './unreadable-answers-table.tsx';
import { teacherPath, useApiData } from './use-api-data.ts';

export function DashboardPage() {
  const { t } = useTranslation('teacher');
  const { course = '' } = useParams();
  usePageTitle(t('nav.dashboard'));
  const dashboard = useApiData<ApiDashboard>(teacherPath(course, 'dashboard'));
  if (dashboard.loading && !dashboard.data) return <Skeleton lines={6} />;
  if (!dashboard.data) return <ErrorMessage error={dashboard.error} onRetry={dashboard.reload} />;
  const data = dashboard.data;
  return (
    <div className="teacher-dashboard">
      <ErrorMessage error={dashboard.error} onRetry={dashboard.reload} />
      <section className="card teacher-panel teacher-panel-wide" aria-labelledby="heatmap-title">
        <h2 id="heatmap-title">{t('dashboard.heatmap.title')}</h2>
        <MasteryHeatmap heatmap={data.heatmap} />
      </section>
      <section className="card teacher-panel" aria-labelledby="stuck-title">
        <h2 id="stuck-title">{t('dashboard.stuck.title')}</h2>
        <StuckChart stuck={data.stuck} />
        <UnreadableAnswersTable answers={data.unreadableAnswers} />
        <OutOfExercisesList skills={data.outOfExercises} />
      </section>
      <section className="card teacher-panel" aria-labelledby="misconceptions-title">
        <h2 id="misconceptions-title">{t('dashboard.misconceptions.title')}</h2>
        <MisconceptionsChart misconceptions={data.misconceptions} />
      </section>
      <section className="card teacher-panel teacher-panel-wide" aria-labelledby="questions-title">
        <h2 id="questions-title">{t('dashboard.questions.title')}</h2>
        <QuestionsList
          course={course}
          questions={data.questions}
          onChanged={(changed) =>
            dashboard.setData((current) => current && { ...current, questions: current.questions.map((question) => (question.id === changed.id ? changed : question)) })
          }
        />
      </section>
      <section className="card teacher-panel teacher-panel-wide" aria-labelledby="cost-title">
        <h2 id="cost-title">{t('dashboard.cost.title')}</h2>
        <CostChart cost={data.cost} />
      </section>
    </div>
  );
}
