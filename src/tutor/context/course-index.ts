// Retrieval over the public course bundle: MiniSearch on chunk headings and text, with the
// learner's current lesson boosted. Only `public` is indexed, so nothing here can hold a key.
import MiniSearch from 'minisearch';
import type { Chunk, PublicBundle } from '../../course/index.js';

export interface CourseIndex {
  /** Chunks best matching `query`, best first; chunks of `lesson` count double. */
  search(query: string, options?: { lesson?: string; limit?: number }): Chunk[];
  /** The same search with each chunk's relevance score (MiniSearch's BM25, boosts applied), best first. */
  rank(query: string, options?: { lesson?: string; limit?: number }): { chunk: Chunk; score: number }[];
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
  const rank: CourseIndex['rank'] = (query, options = {}) =>
    search
      .search(query, { boostDocument: (_id, _term, stored) => (options.lesson && stored?.lesson === options.lesson ? 2 : 1) })
      .slice(0, options.limit ?? 4)
      .map((result) => ({ chunk: byId.get(result.id as string)!, score: result.score }));
  return {
    search: (query, options) => rank(query, options).map((ranked) => ranked.chunk),
    rank,
    chunk: (id) => byId.get(id),
  };
}
