// "/courses/:course": the course map — what's next and why, reviews due, the skill graph, the lessons.
import { Link, Navigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { coursePath } from '../api/client.ts';
import type { ApiCourseOutline, ApiLearnerState } from '../api/types.ts';
import { useApiData } from '../api/use-api-data.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { Skeleton } from '../ui/spinner.tsx';
import { usePageTitle } from '../ui/use-page-title.ts';
import { onboardingSkipped, profileIsEmpty } from './onboarding.ts';
import { nextReason } from './next-reason.ts';
import { SkillGraph } from './skill-graph.tsx';

export function lessonLink(course: string, lesson: string, exercise?: string) {
  return `/courses/${encodeURIComponent(course)}/lessons/${encodeURIComponent(lesson)}${exercise ? `#exercise-${encodeURIComponent(exercise)}` : ''}`;
}

export function CourseMapPage() {
  const { t, i18n } = useTranslation('learner');
  const { course = '' } = useParams();
  const outline = useApiData<ApiCourseOutline>(coursePath(course));
  const state = useApiData<ApiLearnerState>(coursePath(course, 'state'));
  usePageTitle(outline.data?.title);

  const error = outline.error ?? state.error;
  if (error) return <ErrorMessage error={error} onRetry={() => (outline.reload(), state.reload())} />;
  if (!outline.data || !state.data) return <Skeleton lines={8} />;
  if (profileIsEmpty(state.data.profile) && !onboardingSkipped(course)) return <Navigate to={`/onboarding?course=${encodeURIComponent(course)}`} replace />;

  const { next, reviewsDue } = state.data;
  const skillTitle = (id: string | undefined) => outline.data?.skills.find((skill) => skill.id === id)?.title ?? id ?? '';
  const lessonTitle = (id: string | undefined) => outline.data?.lessons.find((lesson) => lesson.id === id)?.title ?? id ?? '';
  const lessonForSkill = (skill: string) => outline.data?.lessons.find((lesson) => lesson.skills.includes(skill))?.id;
  const nextLesson = next?.lesson ?? (next?.skill ? lessonForSkill(next.skill) : undefined);
  const progressOf = new Map(state.data.lessons.map((lesson) => [lesson.id, lesson]));
  const mastered = state.data.skills.filter((skill) => skill.mastered).length;
  const formatDate = (iso: string) => new Date(iso).toLocaleDateString(i18n.language, { month: 'short', day: 'numeric' });
  // With nothing due: the review coming up first, if any skill has one yet (a skill gets one once mastered).
  const comingReview = state.data.skills.filter((skill) => skill.reviewDue !== undefined).sort((a, b) => Date.parse(a.reviewDue!) - Date.parse(b.reviewDue!))[0];

  return (
    <div className="course-map">
      <div className="page-header">
        <div>
          <h1 dir="auto">{outline.data.title}</h1>
          <p className="muted">{t('map.masteredCount', { count: mastered, total: outline.data.skills.length })}</p>
        </div>
      </div>

      <div className="map-top">
        <section className="card next-card" aria-labelledby="next-title">
          <h2 id="next-title">{next ? t(`map.next.${next.kind}`) : t('map.allDone')}</h2>
          {next && (
            <>
              {nextLesson && <p className="next-target" dir="auto">{next.exercise ? t('map.nextExercise', { lesson: lessonTitle(nextLesson) }) : lessonTitle(nextLesson)}</p>}
              <p className="muted next-reason" dir="auto">
                <span className="visually-hidden">{t('map.why')} </span>
                {nextReason(next.why, t, { skill: skillTitle, lesson: lessonTitle }) ?? next.reason}
              </p>
              {nextLesson && (
                <Link className="button button-primary" to={lessonLink(course, nextLesson, next.exercise)}>
                  {t('common:action.continue')}
                </Link>
              )}
            </>
          )}
          {!next && (
            <p className="muted">
              {state.data.practiceResumes
                ? t('map.practiceResumes', { date: new Date(state.data.practiceResumes).toLocaleString(i18n.language, { weekday: 'long', hour: 'numeric', minute: '2-digit' }) })
                : t('map.allDoneHelp')}
            </p>
          )}
        </section>

        <section className="card reviews-card" aria-labelledby="reviews-title">
          <h2 id="reviews-title">{t('map.reviews')}</h2>
          {reviewsDue.length === 0 ? (
            <p className="muted">{comingReview ? t('map.nextReview', { skill: comingReview.title, date: formatDate(comingReview.reviewDue!) }) : t('map.noReviewsYet')}</p>
          ) : (
            <ul className="reviews-list">
              {reviewsDue.map((review) => {
                const lesson = lessonForSkill(review.skill);
                return (
                  <li key={review.skill}>
                    {lesson ? <Link to={lessonLink(course, lesson)}>{skillTitle(review.skill)}</Link> : skillTitle(review.skill)}
                    <span className="muted small"> · {t('map.due', { date: formatDate(review.due) })}</span>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      </div>

      <section aria-labelledby="skills-title" className="card">
        <h2 id="skills-title">{t('map.skills')}</h2>
        <p className="muted small">{t('map.skillsHelp')}</p>
        <SkillGraph course={course} outline={outline.data} state={state.data} />
      </section>

      <section aria-labelledby="lessons-title" className="card">
        <h2 id="lessons-title">{t('map.lessons')}</h2>
        <ol className="lesson-list">
          {outline.data.lessons.map((lesson) => {
            const progress = progressOf.get(lesson.id);
            const solved = progress?.exercisesSolved ?? 0;
            const total = progress?.exercises ?? lesson.exercises.length;
            const done = total > 0 && solved >= total;
            return (
              <li key={lesson.id} className={done ? 'lesson-done' : ''}>
                <Link to={lessonLink(course, lesson.id)} className="lesson-link">
                  <span className="lesson-title" dir="auto">{lesson.title}</span>
                  <span className="muted small">{t('map.minutes', { count: lesson.minutes })}</span>
                </Link>
                <span className="lesson-progress">
                  <progress max={Math.max(total, 1)} value={solved} aria-label={t('map.lessonProgress', { title: lesson.title, solved, total })} />
                  <span className="small muted" aria-hidden="true">
                    {solved}/{total}
                  </span>
                  {done ? <span className="badge badge-success">{t('map.done')}</span> : progress?.started ? <span className="badge badge-accent">{t('map.started')}</span> : null}
                </span>
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}
