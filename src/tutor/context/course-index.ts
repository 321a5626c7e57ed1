// Retrieval over the public course bundle: MiniSearch on chunk headings and text, with the
// learner's current lesson boosted. Only `public` is indexed, so nothing here can hold a key.
import MiniSearch from 'minisearch';
import type { Chunk, PublicBundle } from '../../course/index.js';

export interface CourseIndex {
  /** Chunks best matching `query`, best first; chunks of `lesson` count double. */
  search(query: string, options?: { lesson?: string; limit?: number }): Chunk[];
  chunk(id: string): Chunk | undefined;
}

export function createCourseIndex(bundle: PublicBundle): CourseIndex {
  const byId = new Map(bundle.chunks.map((chunk) => [chunk.id, chunk]));
  const search = new MiniSearch<Chunk>({
    fields: ['heading', 'text'],
    storeFields: ['lesson'],
    searchOptions: { boost: { heading: 2 }, prefix: true, fuzzy: 0.2, combineWith: 'OR' },
  });
  search.addAll(bundle.chunks);
  return {
    search(query, options = {}) {
      const results = search.search(query, {
        boostDocument: (_id, _term, stored) => (options.lesson && stored?.lesson === options.lesson ? 2 : 1),
      });
      return results.slice(0, options.limit ?? 4).map((result) => byId.get(result.id as string)!);
    },
    chunk: (id) => byId.get(id),
  };
}
