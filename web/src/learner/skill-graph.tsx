// The course map's skill graph: layers by prerequisite, each skill a link to the lesson that teaches it,
// with its mastery ring and status; lines show prerequisites. Lines are drawn from the laid-out boxes,
// so the graph reflows on any screen width (and mirrors in right-to-left languages).
import { useLayoutEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ApiCourseOutline, ApiLearnerState } from '../api/types.ts';
import { MasteryRing, shownMastery } from './mastery-ring.tsx';
import { skillLayers } from './skill-layers.ts';

type Line = { from: string; to: string; x1: number; y1: number; x2: number; y2: number };

export function SkillGraph({ course, outline, state }: { course: string; outline: ApiCourseOutline; state: ApiLearnerState }) {
  const { t } = useTranslation('learner');
  const container = useRef<HTMLDivElement>(null);
  const [lines, setLines] = useState<Line[]>([]);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const layers = skillLayers(outline.skills);
  const stateOf = new Map(state.skills.map((skill) => [skill.id, skill]));
  const lessonFor = (skill: string) => outline.lessons.find((lesson) => lesson.skills.includes(skill));

  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    const measure = () => {
      const box = element.getBoundingClientRect();
      const node = (id: string) => element.querySelector<HTMLElement>(`[data-skill="${CSS.escape(id)}"]`)?.getBoundingClientRect();
      const next: Line[] = [];
      for (const skill of outline.skills) {
        const to = node(skill.id);
        if (!to) continue;
        for (const prerequisite of skill.prerequisites) {
          const from = node(prerequisite);
          if (!from) continue;
          next.push({ from: prerequisite, to: skill.id, x1: from.left + from.width / 2 - box.left, y1: from.bottom - box.top, x2: to.left + to.width / 2 - box.left, y2: to.top - box.top });
        }
      }
      setLines(next);
      setSize({ width: box.width, height: box.height });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [outline]);

  return (
    <div className="skill-graph" ref={container}>
      <svg className="skill-graph-lines" width={size.width} height={size.height} aria-hidden="true" focusable="false">
        {lines.map((line) => {
          const middle = (line.y1 + line.y2) / 2;
          return <path key={`${line.from}>${line.to}`} d={`M ${line.x1} ${line.y1} C ${line.x1} ${middle}, ${line.x2} ${middle}, ${line.x2} ${line.y2}`} />;
        })}
      </svg>
      <ol className="skill-layers">
        {layers.map((layer, index) => (
          <li key={index} className="skill-layer">
            <ul>
              {layer.map((skill) => {
                const progress = stateOf.get(skill.id);
                const mastery = progress ? shownMastery(progress) : null;
                const status = progress?.status ?? 'not-started';
                const lesson = lessonFor(skill.id);
                // The accessible name is the visible text plus the mastery, e.g. "Chain rule, 40% mastered, In progress" (no percentage before a graded answer).
                const content = (
                  <>
                    <MasteryRing mastery={mastery} status={status} />
                    <span className="skill-text">
                      <span className="skill-title" dir="auto">{skill.title}</span>
                      {mastery !== null && <span className="visually-hidden">{t('map.skillMastery', { percent: Math.round(mastery * 100) })}</span>}
                      <span className={`skill-status status-${status}`}>{t(`map.status.${status}`)}</span>
                    </span>
                  </>
                );
                return (
                  <li key={skill.id}>
                    {lesson ? (
                      <Link className={`skill-node status-${status}`} data-skill={skill.id} to={`/courses/${encodeURIComponent(course)}/lessons/${encodeURIComponent(lesson.id)}`}>
                        {content}
                      </Link>
                    ) : (
                      <span className={`skill-node status-${status}`} data-skill={skill.id}>
                        {content}
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ol>
    </div>
  );
}
