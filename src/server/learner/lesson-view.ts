// A lesson as a learner reads it (ApiLesson): its sections (the course's chunks, so a citation's
// chunk id is a section id) and its exercises, in the order the teacher wrote them, translated.
import type { Chunk, CourseBundle, PublicLesson } from '../../course/index.js';
import type { LearnerState } from '../../learner/index.js';
import type { ApiLesson } from '../api-types.js';
import type { CourseText } from './course-text.js';
import { exerciseView } from './exercise-view.js';

export async function lessonView(input: { bundle: CourseBundle; lesson: PublicLesson; learner: string; state: LearnerState; text: CourseText }): Promise<ApiLesson> {
  const { bundle, lesson, text } = input;
  const languageOf = (translated: { original: boolean }) => (translated.original ? bundle.public.course.language : text.language);
  const chunks = bundle.public.chunks.filter((chunk) => chunk.lesson === lesson.id);
  const inline = lesson.blocks.flatMap((block) => (block.kind === 'exercise' ? [block.exercise] : []));
  // Exercises written in exercise files for this lesson come after the lesson text.
  const rest = bundle.public.exercises.filter((exercise) => exercise.lesson === lesson.id && !inline.includes(exercise.id)).map((exercise) => exercise.id);
  const order: ({ kind: 'section'; chunk: Chunk } | { kind: 'exercise'; id: string })[] = [];
  const placed = placeChunks(lesson, chunks);
  lesson.blocks.forEach((block, index) => {
    if (block.kind === 'exercise') order.push({ kind: 'exercise', id: block.exercise });
    else order.push(...(placed.get(index) ?? []).map((chunk) => ({ kind: 'section' as const, chunk })));
  });
  order.push(...rest.map((id) => ({ kind: 'exercise' as const, id })));

  let partial = false;
  const title = await text.translate(lesson.title);
  const blocks = await Promise.all(
    order.map(async (item): Promise<ApiLesson['blocks'][number] | undefined> => {
      if (item.kind === 'section') {
        const [heading, body] = await Promise.all([text.translate(item.chunk.heading), text.html(item.chunk.text, item.chunk.hash)]);
        partial ||= body.original;
        return { kind: 'section', id: item.chunk.id, heading: heading.text, html: body.html, language: languageOf(body) };
      }
      const exercise = bundle.public.exercises.find((candidate) => candidate.id === item.id);
      if (!exercise) return undefined;
      const view = await exerciseView({ ...input, exercise });
      partial ||= view.original;
      return { kind: 'exercise', exercise: view.exercise };
    }),
  );
  return { id: lesson.id, title: title.text, language: text.language, titleLanguage: languageOf(title), partial: partial || title.original, blocks: blocks.filter((block) => block !== undefined) };
}

/**
 * Which Markdown block of the lesson each chunk starts in. Chunks are cut from the lesson's prose
 * with its exercise blocks left out, so a chunk's first line is found in one of the prose blocks;
 * a chunk that cannot be found stays with the one before it.
 */
function placeChunks(lesson: PublicLesson, chunks: Chunk[]): Map<number, Chunk[]> {
  const placed = new Map<number, Chunk[]>();
  const prose = lesson.blocks.flatMap((block, index) => (block.kind === 'markdown' ? [{ index, text: block.text }] : []));
  let at = prose[0]?.index ?? 0;
  for (const chunk of chunks) {
    const firstLine = chunk.text.split('\n')[0]!.trim();
    const found = prose.find((block) => block.index >= at && block.text.includes(firstLine));
    if (found) at = found.index;
    placed.set(at, [...(placed.get(at) ?? []), chunk]);
  }
  return placed;
}
