// The lesson text and its exercises in order. Sections carry their chunk id as element id, the
// target of the tutor's citations; lesson HTML is rendered (KaTeX, highlighted code) by the server.
import type { ApiLearnerState, ApiLesson } from '../api/types.ts';
import { ExerciseCard } from './exercise/exercise-card.tsx';

export function LessonContent({ course, lesson, onState }: { course: string; lesson: ApiLesson; onState(state: ApiLearnerState): void }) {
  let exerciseNumber = 0;
  return (
    <div className="lesson-blocks">
      {lesson.blocks.map((block) => {
        if (block.kind === 'exercise') {
          exerciseNumber += 1;
          return <ExerciseCard key={`exercise:${block.exercise.id}`} course={course} exercise={block.exercise} index={exerciseNumber} onState={onState} />;
        }
        const carriesHeading = /^\s*<h[1-6][\s>]/i.test(block.html);
        return (
          <section key={block.id} id={block.id} className="lesson-section lesson-html" tabIndex={-1} aria-label={block.heading || undefined}>
            {!carriesHeading && block.heading && <h2>{block.heading}</h2>}
            <div dangerouslySetInnerHTML={{ __html: block.html }} />
          </section>
        );
      })}
    </div>
  );
}
