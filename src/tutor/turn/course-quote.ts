// What the course says about a question, found without a model (no-model mode): MiniSearch picks
// the sections, and within them the paragraph that holds most of the question's words is quoted
// (on a tie, the one that has more of them in bold: the term it defines).
import type { Chunk } from '../../course/index.js';
import type { CourseIndex } from '../context/course-index.js';
import { paragraphsOf, splitParagraphs, terms } from '../context/excerpt-chunk.js';
import { questionWords } from './uncovered-question.js';

export interface CourseQuote {
  chunk: Chunk;
  /** Positions of the quoted paragraphs among the chunk's paragraphs (`paragraphsOf`), in order. */
  paragraphs: number[];
}

const sectionsSearched = 3;
const minimumWords = 8; // a line such as "Start at the output." says too little on its own

/** The best paragraph for `question` (and the display formula it leads into), or undefined when no paragraph holds half its words. */
export function findCourseQuote(index: CourseIndex, question: string, lesson?: string): CourseQuote | undefined {
  const words = questionWords(question);
  if (!words || words.length === 0) return undefined;
  const needed = Math.ceil(words.length / 2);
  let best: { chunk: Chunk; position: number; score: number } | undefined;
  for (const chunk of index.search(words.join(' '), { ...(lesson ? { lesson } : {}), limit: sectionsSearched })) {
    // A section's heading speaks for its paragraphs: under "Computing a derivative from the definition",
    // "The definition is a recipe: …" answers "how do I find a derivative from the definition?".
    const heading = terms(chunk.heading);
    paragraphsOf(chunk).forEach((paragraph, position) => {
      const text = withoutFences(paragraph.text);
      if (!isProse(text) || text.split(/\s+/).length < minimumWords) return;
      const said = terms(text);
      const own = words.filter((word) => said.some((term) => sameWord(term, word)));
      if (own.length === 0) return; // the paragraph itself must say something asked about
      const shared = words.filter((word) => own.includes(word) || heading.some((term) => sameWord(term, word))).length;
      // Of two paragraphs with as many of the words, the one that has more of them itself wins, then the one
      // that has more of them in bold (teachers put the term a paragraph defines in bold); the bonuses stay under one word.
      const bold = terms((text.match(/\*\*[^*]+\*\*/g) ?? []).join(' '));
      const defined = words.filter((word) => bold.some((term) => sameWord(term, word))).length;
      const score = shared + (0.45 * own.length) / words.length + (0.45 * defined) / words.length;
      if (shared >= needed && score > (best?.score ?? 0)) best = { chunk, position, score };
    });
  }
  if (!best) return undefined;
  const paragraphs = paragraphsOf(best.chunk);
  const quoted = [best.position];
  // "… the average rate of change is" leads into a formula: quote that too.
  const next = paragraphs[best.position + 1];
  const [chosen, following] = [withoutFences(paragraphs[best.position]!.text), withoutFences(next?.text ?? '')];
  if (following && !/[.!?)]$/.test(chosen) && (isProse(following) || following.startsWith('$$'))) quoted.push(best.position + 1);
  return { chunk: best.chunk, paragraphs: quoted };
}

/**
 * The quoted paragraphs as chat text, taken from `text` (the chunk in the learner's language) when
 * it has the same paragraphs as the original, else from the original. Lines are joined, and
 * *emphasis* marks and links' targets dropped: the chat shows plain text with math, code and bold.
 */
export function quoteText(quote: CourseQuote, text: string): string {
  const translated = splitParagraphs(text);
  const original = paragraphsOf(quote.chunk);
  const source = translated.length === original.length ? translated : original.map((paragraph) => paragraph.text);
  return quote.paragraphs.map((position) => plainProse(withoutFences(source[position]!).replace(/\s*\n\s*/g, ' '))).join('\n\n');
}

/** Markdown prose without *emphasis* marks and links' targets; math and code are left as they are. */
function plainProse(text: string): string {
  return text
    .split(/(\$\$[^$]+\$\$|\$[^$]+\$|`[^`]+`)/)
    .map((part, position) =>
      position % 2 === 1
        ? part
        : part
            .replace(/(^|[^*\w])\*([^*\s][^*]*?)\*(?![*\w])/g, '$1$2') // *emphasis*
            .replace(/(^|[^!])\[([^\]]+)\]\([^)]*\)/g, '$1$2'), // [a link](file.md): its words
    )
    .join('');
}

/** A paragraph of running text: not empty, a table, code, figure, display formula or directive. */
function isProse(text: string): boolean {
  return text !== '' && !/^(\||```|~~~|:::|!\[|<|\$\$|>)/.test(text);
}

/** A paragraph without the lines that open or close a directive block (`:::explanation[…]`, `:::`). */
function withoutFences(text: string): string {
  return text.replace(/^:::.*$/gm, '').trim();
}

/** The same word but for its ending: "point" and "points", "compute" and "computing" (they share all but the last three letters of the shorter, and four at least). */
function sameWord(term: string, word: string): boolean {
  if (term === word) return true;
  let common = 0;
  while (common < term.length && term[common] === word[common]) common++;
  return common >= Math.max(4, Math.min(term.length, word.length) - 3);
}
