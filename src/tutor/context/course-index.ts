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

const rememberedSearches = 2000;

export function createCourseIndex(bundle: PublicBundle): CourseIndex {
  const byId = new Map(bundle.chunks.map((chunk) => [chunk.id, chunk]));
  const search = new MiniSearch<Chunk>({
    fields: ['heading', 'text'],
    storeFields: ['lesson'],
    searchOptions: { boost: { heading: 2 }, prefix: true, fuzzy: 0.2, combineWith: 'OR' },
  });
  search.addAll(bundle.chunks);
  // Every turn ranks the questions of the recent turns again (their course text must come out the same),
  // and a fuzzy search costs milliseconds: results are remembered, the oldest forgotten first.
  const remembered = new Map<string, { chunk: Chunk; score: number }[]>();
  const rank: CourseIndex['rank'] = (query, options = {}) => {
    const key = `${options.lesson ?? ''}\u0000${options.limit ?? 4}\u0000${query}`;
    let ranked = remembered.get(key);
    if (!ranked) {
      ranked = search
        .search(query, { boostDocument: (_id, _term, stored) => (options.lesson && stored?.lesson === options.lesson ? 2 : 1) })
        .slice(0, options.limit ?? 4)
        .map((result) => ({ chunk: byId.get(result.id as string)!, score: result.score }));
      if (remembered.size >= rememberedSearches) remembered.delete(remembered.keys().next().value!);
      remembered.set(key, ranked);
    }
    return [...ranked];
  };
  return {
    search: (query, options) => rank(query, options).map((ranked) => ranked.chunk),
    rank,
    chunk: (id) => byId.get(id),
  };
}
