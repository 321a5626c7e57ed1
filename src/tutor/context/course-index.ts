// Retrieval over the public course bundle: MiniSearch on chunk headings and text, with the
// learner's current lesson boosted. Only `public` is indexed, so nothing here can hold a key.
import MiniSearch from 'minisearch';
import type { Chunk, PublicBundle } from '../../course/index.js';

export interface SearchOptions {
  /** Chunks of this lesson count double. */
  lesson?: string;
  /** How many chunks at most (default 4). */
  limit?: number;
  /** Match words with a typo or two (default true); prefixes always match ("differentiat…"). */
  fuzzy?: boolean;
}

export interface CourseIndex {
  /** Chunks best matching `query`, best first. */
  search(query: string, options?: SearchOptions): Chunk[];
  /** The same search with each chunk's relevance score (MiniSearch's BM25, boosts applied), best first. */
  rank(query: string, options?: SearchOptions): { chunk: Chunk; score: number }[];
  chunk(id: string): Chunk | undefined;
  /** Every chunk of the course, in course order. */
  readonly chunks: readonly Chunk[];
}

const rememberedSearches = 2000;
const rememberedTerms = 2000; // each holds the scores of the chunks the term matches: a few MB at most

export function createCourseIndex(bundle: PublicBundle): CourseIndex {
  const byId = new Map(bundle.chunks.map((chunk) => [chunk.id, chunk]));
  const search = new MiniSearch<Chunk>({
    fields: ['heading', 'text'],
    storeFields: ['lesson'],
    searchOptions: { boost: { heading: 2 }, prefix: true, fuzzy: 0.2, combineWith: 'OR' },
  });
  search.addAll(bundle.chunks);
  const terms = rememberTermScores(search);
  // Every turn ranks the questions of the recent turns again (their course text must come out the same),
  // and a fuzzy search costs milliseconds: results are remembered, the oldest forgotten first.
  const remembered = new Map<string, { chunk: Chunk; score: number }[]>();
  const rank: CourseIndex['rank'] = (query, options = {}) => {
    const fuzzy = options.fuzzy ?? true;
    const key = `${options.lesson ?? ''}\u0000${options.limit ?? 4}\u0000${fuzzy}\u0000${query}`;
    let ranked = remembered.get(key);
    if (!ranked) {
      terms.boostedLesson = options.lesson ?? '';
      ranked = search
        .search(query, { boostDocument: (_id, _term, stored) => (options.lesson && stored?.lesson === options.lesson ? 2 : 1), ...(fuzzy ? {} : { fuzzy: false }) })
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
    chunks: bundle.chunks,
  };
}

/** MiniSearch's scores of one query term: document number → score, matched query terms, matched document terms. */
type TermScores = Map<number, { score: number; terms: string[]; match: Record<string, string[]> }>;
type ExecuteQuerySpec = (query: object, options: object) => TermScores;

/**
 * MiniSearch scores a query term by term (its private `executeQuerySpec`: an exact, a prefix and a fuzzy
 * match per term) and sums the terms' scores. A learner's messages share most of their words, and matching
 * one short word fuzzily can take a millisecond, so each term's scores are remembered for the boosted lesson.
 * Copies go out, because MiniSearch adds the next terms' scores into them. The ranking is unchanged (tested);
 * this relies on the index never changing after it is built, and on MiniSearch 7's internals: the test
 * compares with plain MiniSearch, and without that method nothing is remembered.
 */
function rememberTermScores(search: MiniSearch<Chunk>): { boostedLesson: string } {
  const state = { boostedLesson: '' }; // the lesson the current search's boostDocument favours: part of each term's key
  const termScores = new Map<string, TermScores>();
  const internals = search as unknown as { executeQuerySpec?: ExecuteQuerySpec };
  if (typeof internals.executeQuerySpec !== 'function') return state;
  const score = internals.executeQuerySpec.bind(search);
  internals.executeQuerySpec = (query, options) => {
    const key = `${state.boostedLesson}\u0000${JSON.stringify(query)}`;
    let scores = termScores.get(key);
    if (!scores) {
      scores = score(query, options);
      if (termScores.size >= rememberedTerms) termScores.delete(termScores.keys().next().value!);
      termScores.set(key, scores);
    }
    const copy: TermScores = new Map();
    for (const [document, { score, terms, match }] of scores) copy.set(document, { score, terms: [...terms], match: Object.fromEntries(Object.entries(match).map(([term, fields]) => [term, [...fields]])) });
    return copy;
  };
  return state;
}
