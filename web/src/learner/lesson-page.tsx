// "/courses/:course/lessons/:lesson": the lesson beside the tutor chat (tabs "Lesson | Tutor" on a phone).
// Content comes in the learner's language (?lang= from their profile); answers and the tutor's progress
// parts update the mastery strip and toasts.
import './code-theme.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { coursePath } from '../api/client.ts';
import type { ApiCourseOutline, ApiLearnerState, ApiLesson, ApiTurnDataParts } from '../api/types.ts';
import { useApiData } from '../api/use-api-data.ts';
import { directionOf } from '../i18n/index.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { Skeleton } from '../ui/spinner.tsx';
import { usePageTitle } from '../ui/use-page-title.ts';
import { TutorChat, type TutorChatHandle, type TutorChatProps } from './chat/tutor-chat.tsx';
import { exerciseAnchor, type CardTutor, type ExerciseFromChat } from './exercise/exercise-card.tsx';
import { LessonContent } from './lesson-content.tsx';
import { MasteryRing, shownMastery } from './mastery-ring.tsx';

type Toast = { id: number; text: string };

export function LessonPage() {
  const { t } = useTranslation('learner');
  const { course = '', lesson = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const outline = useApiData<ApiCourseOutline>(coursePath(course));
  const state = useApiData<ApiLearnerState>(coursePath(course, 'state'));
  const language = state.data?.profile.language;
  const lessonPath = state.data ? `${coursePath(course, 'lessons', lesson)}${language ? `?lang=${encodeURIComponent(language)}` : ''}` : undefined;
  const content = useApiData<ApiLesson>(lessonPath);
  const [tab, setTab] = useState<'lesson' | 'tutor'>('lesson');
  const [toasts, setToasts] = useState<Toast[]>([]);
  const toastCounter = useRef(0);
  usePageTitle(content.data?.title);

  const showToast = useCallback((text: string) => {
    const id = ++toastCounter.current;
    setToasts((current) => [...current.slice(-2), { id, text }]);
    window.setTimeout(() => setToasts((current) => current.filter((toast) => toast.id !== id)), 6000);
  }, []);

  // Scroll to a section or exercise named in the address (#chunk-id or #exercise-id) once the lesson is there.
  useEffect(() => {
    if (!content.data || !location.hash) return;
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target) reveal(target);
  }, [content.data, location.hash]);

  const updateState = useCallback(
    (next: ApiLearnerState) => {
      const before = new Map((state.data?.skills ?? []).map((skill) => [skill.id, shownMastery(skill)]));
      for (const skill of next.skills) {
        const previous = before.get(skill.id);
        const now = shownMastery(skill);
        if (previous === undefined || now === null) continue;
        // The first graded answer gives the first estimate; after that, say how it moved.
        if (previous === null) showToast(t('lesson.masteryFirst', { title: skill.title, percent: Math.round(now * 100) }));
        else if (Math.round(previous * 100) !== Math.round(now * 100)) showToast(t('lesson.masteryChanged', { title: skill.title, from: Math.round(previous * 100), to: Math.round(now * 100) }));
      }
      state.setData(next);
    },
    [state, showToast, t],
  );

  // Hints and solves the tutor showed in the chat, by exercise, for the exercise cards.
  const [fromChat, setFromChat] = useState<Record<string, ExerciseFromChat>>({});
  const onExercisePart = useCallback((part: Parameters<TutorChatProps['onExercisePart']>[0]) => {
    const { exercise } = part.data;
    setFromChat((current) => {
      const shown = current[exercise] ?? { hints: [], solved: false };
      const next = part.type === 'hint' ? { ...shown, hints: [...shown.hints, { rung: part.data.rung, text: part.data.text, reveals: part.data.reveals }] } : { ...shown, solved: shown.solved || part.data.verdict === 'correct' };
      return { ...current, [exercise]: next };
    });
  }, []);

  // The cards answer and ask for hints through the chat: the tutor's words about them appear there.
  const chat = useRef<TutorChatHandle>(null);
  const cardTutor = useMemo<CardTutor>(
    () => ({
      answer: (exercise, answer, shown) => chat.current?.answer(exercise, answer, shown) ?? Promise.resolve(undefined),
      hint: (exercise) => chat.current?.hint(exercise) ?? Promise.resolve(undefined),
    }),
    [],
  );

  const onProgress = useCallback(
    (progress: ApiTurnDataParts['progress']) => {
      if (!state.data) return;
      const changed = new Map(progress.skills.map((skill) => [skill.skill, skill]));
      updateState({
        ...state.data,
        skills: state.data.skills.map((skill) => {
          const update = changed.get(skill.id);
          return update ? { ...skill, mastery: update.mastery, opportunities: update.opportunities, status: update.status as ApiLearnerState['skills'][number]['status'], mastered: update.status === 'mastered' } : skill;
        }),
      });
    },
    [state.data, updateState],
  );

  const error = outline.error ?? state.error ?? content.error;
  if (error) return <ErrorMessage error={error} onRetry={() => (outline.reload(), state.reload(), content.reload())} />;
  if (!outline.data || !state.data || !content.data) return <Skeleton lines={10} />;

  const lessons = outline.data.lessons;
  const position = lessons.findIndex((item) => item.id === lesson);
  const previous = position > 0 ? lessons[position - 1] : undefined;
  const next = position >= 0 ? lessons[position + 1] : undefined;
  const lessonSkills = new Set(lessons[position]?.skills ?? []);
  const headings = new Map(content.data.blocks.flatMap((block) => (block.kind === 'section' ? [[block.id, block.heading || content.data!.title] as const] : [])));

  const cite = (chunk: string) => {
    setTab('lesson');
    window.setTimeout(() => {
      const target = document.getElementById(chunk);
      if (target) reveal(target);
    }, 0);
  };
  // An exercise of another lesson (a review, a weak skill from earlier) opens that lesson at the exercise.
  const showExercise = (exercise: string) => {
    const home = lessons.find((item) => item.exercises.includes(exercise));
    if (!home || home.id === lesson) return cite(exerciseAnchor(exercise));
    void navigate(`/courses/${encodeURIComponent(course)}/lessons/${encodeURIComponent(home.id)}#${encodeURIComponent(exerciseAnchor(exercise))}`);
  };

  return (
    <div className="lesson-page">
      <nav className="breadcrumbs" aria-label={t('lesson.breadcrumbs')}>
        <Link to={`/courses/${encodeURIComponent(course)}`} dir="auto">{outline.data.title}</Link>
        <span aria-hidden="true"> / </span>
        <bdi aria-current="page" lang={content.data.titleLanguage}>{content.data.title}</bdi>
      </nav>

      <div className="lesson-columns">
        <div className="lesson-main">
          <h1 className="lesson-title-heading" lang={content.data.titleLanguage} dir={directionOf(content.data.titleLanguage)}>
            {content.data.title}
          </h1>

          <div className="lesson-tabs" role="tablist" aria-label={t('lesson.views')}>
            {(['lesson', 'tutor'] as const).map((name) => (
              <button key={name} type="button" role="tab" id={`tab-${name}`} aria-controls={`panel-${name}`} aria-selected={tab === name} tabIndex={tab === name ? 0 : -1} onClick={() => setTab(name)}
                onKeyDown={(event) => {
                  if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
                    const other = name === 'lesson' ? 'tutor' : 'lesson';
                    setTab(other);
                    document.getElementById(`tab-${other}`)?.focus();
                  }
                }}
              >
                {t(`lesson.tab.${name}`)}
              </button>
            ))}
          </div>

          <div className={`lesson-panel${tab === 'lesson' ? '' : ' hidden-on-phone'}`} id="panel-lesson" role="tabpanel" aria-labelledby="tab-lesson">
            <article className="lesson-article" aria-label={content.data.title}>
              <ul className="lesson-skills" aria-label={t('lesson.skills')}>
                {state.data.skills
                  .filter((skill) => lessonSkills.has(skill.id))
                  .map((skill) => {
                    const mastery = shownMastery(skill);
                    return (
                      <li key={skill.id}>
                        <MasteryRing mastery={mastery} status={skill.status} size={32} />
                        <span dir="auto">{skill.title}</span>
                        <span className="visually-hidden">
                          {mastery !== null && t('map.skillMastery', { percent: Math.round(mastery * 100) })} {t(`map.status.${skill.status}`)}
                        </span>
                      </li>
                    );
                  })}
              </ul>
              {content.data.partial && <p className="notice notice-info">{t('lesson.partial')}</p>}
              <LessonContent course={course} lesson={content.data} fromChat={fromChat} tutor={cardTutor} />
            </article>
            <nav className="lesson-pager" aria-label={t('lesson.pager')}>
              {previous ? (
                <Link to={`/courses/${encodeURIComponent(course)}/lessons/${encodeURIComponent(previous.id)}`} className="button">
                  <span aria-hidden="true" className="flip-rtl">←</span> {previous.title}
                </Link>
              ) : (
                <span />
              )}
              {next ? (
                <Link to={`/courses/${encodeURIComponent(course)}/lessons/${encodeURIComponent(next.id)}`} className="button button-primary">
                  {next.title} <span aria-hidden="true" className="flip-rtl">→</span>
                </Link>
              ) : (
                <Link to={`/courses/${encodeURIComponent(course)}`} className="button">
                  {t('lesson.backToMap')}
                </Link>
              )}
            </nav>
          </div>
        </div>
        <div className={`chat-panel${tab === 'tutor' ? '' : ' hidden-on-phone'}`} id="panel-tutor" role="tabpanel" aria-labelledby="tab-tutor">
          <TutorChat ref={chat} course={course} lesson={lesson} onProgress={onProgress} onExercisePart={onExercisePart} citationLabel={(chunk) => headings.get(chunk)} onCite={cite} onShowExercise={showExercise} />
        </div>
      </div>

      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <p key={toast.id} className="toast">
            {toast.text}
          </p>
        ))}
      </div>
    </div>
  );
}

/** Scrolls to a section or exercise, focuses it for keyboard and screen-reader users, and highlights it briefly. */
function reveal(target: HTMLElement) {
  const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  target.scrollIntoView({ behavior: reduced ? 'auto' : 'smooth', block: 'start' });
  target.focus({ preventScroll: true });
  target.classList.remove('cited');
  void target.offsetWidth; // restart the highlight animation
  target.classList.add('cited');
  window.setTimeout(() => target.classList.remove('cited'), 2600);
}
