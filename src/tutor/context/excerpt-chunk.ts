// The part of a course section that answers a question: its paragraphs ranked by how many of the
// question's words they contain, the best kept in their original order up to a token limit. A section
// is 300–400 tokens; the tutor rarely needs all of it, and can fetch the rest with search_course.
import { estimateTokens, type Chunk } from '../../course/index.js';

const stopWords = new Set('a an and are as at be but by can do does for from how i if in is it its me my not of on or so that the then this to was we what when where which why will with you your'.split(' '));

/** `[id] heading` and the most relevant paragraphs of `chunk`, at most about `maxTokens` (the best paragraph always). */
export function excerptChunk(chunk: Chunk, query: string, maxTokens: number): string {
  const header = `[${chunk.id}] ${chunk.heading}`;
  const paragraphs = paragraphsOf(chunk);
  const asked = new Set(terms(query));
  const ranked = paragraphs
    .map(({ terms: paragraphTerms, tokens }, position) => ({ tokens, position, score: paragraphTerms.filter((term) => asked.has(term)).length / Math.sqrt(tokens + 1) }))
    .sort((a, b) => b.score - a.score || a.position - b.position);
  const kept = new Set<number>();
  let used = estimateTokens(header);
  for (const { tokens, position } of ranked) {
    if (kept.size > 0 && used + tokens > maxTokens) continue;
    kept.add(position);
    used += tokens;
  }
  const body: string[] = [];
  paragraphs.forEach(({ text }, position) => {
    if (kept.has(position)) body.push(text);
    else if (body.at(-1) !== '…') body.push('…');
  });
  return [header, ...body].join('\n');
}

export type Paragraph = { text: string; terms: string[]; tokens: number };

/** A chunk's paragraphs (headings left out) with their words, split once per chunk: every turn excerpts the same few chunks again. */
const paragraphCache = new WeakMap<Chunk, Paragraph[]>();
export function paragraphsOf(chunk: Chunk): readonly Paragraph[] {
  let paragraphs = paragraphCache.get(chunk);
  if (!paragraphs) {
    paragraphs = splitParagraphs(chunk.text).map((text) => ({ text, terms: terms(text), tokens: estimateTokens(text) }));
    paragraphCache.set(chunk, paragraphs);
  }
  return paragraphs;
}

/** Markdown's paragraphs, blocks between blank lines (a fenced code block is one, blank lines and all), without headings. */
export function splitParagraphs(text: string): string[] {
  const blocks: string[] = [];
  let block: string[] = [];
  let fence: string | undefined; // the open code fence's marker, ``` or ~~~
  for (const line of text.split('\n')) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === undefined || marker.startsWith(fence))) fence = fence === undefined ? marker : undefined;
    if (fence === undefined && line.trim() === '') {
      blocks.push(block.join('\n'));
      block = [];
    } else block.push(line);
  }
  blocks.push(block.join('\n'));
  return blocks.map((paragraph) => paragraph.trim()).filter((paragraph) => paragraph !== '' && !/^#+ /.test(paragraph));
}

/** The words of `text`, lower case, in any script ("för" is one word, not "f" and "r"). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The words of `text` that say what it is about: two letters or more, common words left out. */
export function terms(text: string): string[] {
  return words(text).filter((term) => term.length > 1 && !stopWords.has(term));
}

/** The same word but for its ending: "point" and "points", "compute" and "computing" (they share all but the last three letters of the shorter, and four at least). */
export function sameWord(term: string, word: string): boolean {
  if (term === word) return true;
  let common = 0;
  while (common < term.length && term[common] === word[common]) common++;
  return common >= Math.max(4, Math.min(term.length, word.length) - 3);
}
