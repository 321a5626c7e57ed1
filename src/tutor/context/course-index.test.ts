import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { compileCourse, type Chunk, type CourseBundle } from '../../course/index.js';
import { readCourseFolder } from '../../server/index.js';
import { createCourseIndex } from './course-index.js';

const { bundle } = compileCourse(await readCourseFolder(new URL('../../../courses/backprop', import.meta.url).pathname)) as { bundle: CourseBundle };

/** MiniSearch as configured by the index, without anything remembered: the reference ranking. */
function plainRank(query: string, lesson: string | undefined, limit: number) {
  const search = new MiniSearch<Chunk>({ fields: ['heading', 'text'], storeFields: ['lesson'], searchOptions: { boost: { heading: 2 }, prefix: true, fuzzy: 0.2, combineWith: 'OR' } });
  search.addAll(bundle.public.chunks);
  return search
    .search(query, { boostDocument: (_id, _term, stored) => (lesson && stored?.lesson === lesson ? 2 : 1) })
    .slice(0, limit)
    .map((result) => ({ id: result.id as string, score: result.score }));
}

describe('the course index', () => {
  it('ranks exactly as MiniSearch does, however often the same words and questions come back', () => {
    const index = createCourseIndex(bundle.public);
    const questions = [
      'Why do we need a limit at all? Why not just put h = 0 straight into the formula?',
      'So the tangent is what the secant line turns into when the second point slides onto the first?',
      'What is the difference between the inner and the outer function in the chain rule?',
      'How does any of this connect to training a network?',
      'the the limit limit',
      ...bundle.public.exercises.slice(0, 12).map((exercise) => exercise.prompt),
    ];
    const lessons = [undefined, ...bundle.public.lessons.slice(0, 3).map((lesson) => lesson.id)];
    for (let round = 0; round < 2; round++) {
      for (const lesson of lessons) {
        for (const question of questions) {
          const ranked = index.rank(round ? `${question} again` : question, { ...(lesson ? { lesson } : {}), limit: 3 });
          expect(ranked.map(({ chunk, score }) => ({ id: chunk.id, score }))).toEqual(plainRank(round ? `${question} again` : question, lesson, 3));
        }
      }
    }
  });
});
