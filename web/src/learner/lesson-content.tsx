// The lesson text and its exercises in order. Sections carry their chunk id as element id, the
// target of the tutor's citations; lesson HTML is rendered (KaTeX, highlighted code) by the server.
import { useEffect, useRef } from 'react';
import type { ApiLesson } from '../api/types.ts';
import { directionOf } from '../i18n/index.ts';
import { ExerciseCard, type CardTutor, type ExerciseFromChat } from './exercise/exercise-card.tsx';

export function LessonContent({ course, lesson, fromChat, tutor }: { course: string; lesson: ApiLesson; fromChat: Record<string, ExerciseFromChat>; tutor: CardTutor }) {
  const container = useRef<HTMLDivElement>(null);
  // Code and display math that scroll sideways must be reachable by keyboard.
  useEffect(() => {
    for (const element of Array.from(container.current?.querySelectorAll<HTMLElement>('pre, .katex-display') ?? [])) {
      if (element.scrollWidth > element.clientWidth + 1) element.tabIndex = 0;
    }
  }, [lesson]);
  let exerciseNumber = 0;
  let previousHeading: string | undefined; // a long section is cut into several chunks that share its heading
  return (
    <div className="lesson-blocks" ref={container}>
      {lesson.blocks.map((block) => {
        if (block.kind === 'exercise') {
          exerciseNumber += 1;
          return <ExerciseCard key={`exercise:${block.exercise.id}`} course={course} exercise={block.exercise} index={exerciseNumber} tutor={tutor} language={lesson.language} {...(fromChat[block.exercise.id] ? { fromChat: fromChat[block.exercise.id] } : {})} />;
        }
        const headingShown = /^\s*<h[1-6][\s>]/i.test(block.html) || block.heading === previousHeading;
        previousHeading = block.heading;
        return (
          <section key={block.id} id={block.id} className="lesson-section lesson-html" tabIndex={-1} lang={block.language} dir={directionOf(block.language)}>
            {!headingShown && block.heading && <h2>{block.heading}</h2>}
            <div dangerouslySetInnerHTML={{ __html: block.html }} />
          </section>
        );
      })}
    </div>
  );
}
