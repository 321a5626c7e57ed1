// What the course says about a question, found without a model (no-model mode): MiniSearch picks
// the sections, and within them the paragraph that holds most of what the question asks about is
// quoted: its words, weighed by how rare they are in the course ("sigmoid" says more than
// "function"), and the mathematics it writes ("x^2", "2x", matched with the course's LaTeX). On a
// tie, the paragraph that has more of them in bold (the term it defines) wins.
import type { Chunk } from '../../course/index.js';
import type { CourseIndex } from '../context/course-index.js';
import { paragraphsOf, sameWord, splitParagraphs, terms, type Paragraph } from '../context/excerpt-chunk.js';
import { questionWords } from './uncovered-question.js';

export interface CourseQuote {
  chunk: Chunk;
  /** Positions of the quoted paragraphs among the chunk's paragraphs (`paragraphsOf`), in order. */
  paragraphs: number[];
}

const sectionsSearched = 5;
const minimumWords = 8; // a line such as "Start at the output." says too little on its own

/** What a question asks about: a word (matched with its endings) or a piece of mathematics (matched as written). */
type Asked = { word: string } | { math: string };

/** The best paragraph for `question` (and the display formula it leads into), or undefined when no paragraph holds half of what it asks about. */
export function findCourseQuote(index: CourseIndex, question: string, lesson?: string): CourseQuote | undefined {
  const words = questionWords(question);
  if (!words) return undefined;
  const math = mathPieces(question);
  const asked: Asked[] = [...words.map((word) => ({ word })), ...math.map((piece) => ({ math: piece }))];
  if (asked.length === 0) return undefined;
  const needed = Math.ceil(asked.length / 2);
  const weights = asked.map((item) => rarity(index, item));
  const commonest = Math.min(...weights);
  let best: { chunk: Chunk; position: number; score: number } | undefined;
  // MiniSearch splits "x^2" into "x" and "2"; "2x" it finds as written.
  for (const chunk of index.search([...words, ...math].join(' '), { ...(lesson ? { lesson } : {}), limit: sectionsSearched })) {
    // A section's heading speaks for its paragraphs: under "Computing a derivative from the definition",
    // "The definition is a recipe: …" answers "how do I find a derivative from the definition?".
    const heading: Said = { terms: terms(chunk.heading), math: mathPieces(chunk.heading) };
    const paragraphs = paragraphsOf(chunk);
    paragraphs.forEach((paragraph, position) => {
      const text = withoutFences(paragraph.text);
      if (!isProse(text) || text.split(/\s+/).length < minimumWords) return;
      // What it says with the formulas it would be quoted with: "… The $x^2$ terms cancel:" and the formula that ends in "2x + h".
      const quoted = withItsFormulas(paragraphs, position).map((at) => saidIn(paragraphs[at]!));
      const own = asked.map((item) => quoted.some((said) => says(said, item)));
      if (!own.includes(true)) return; // the paragraph itself must say something asked about
      const shared = asked.map((item, at) => own[at] || says(heading, item));
      // Of two paragraphs with as much of it, the one that says more of it itself wins, then the one that has more
      // of it in bold (teachers put the term a paragraph defines in bold); the bonuses stay under the commonest word's weight.
      const bold = terms((text.match(/\*\*[^*]+\*\*/g) ?? []).join(' '));
      const defined = words.filter((word) => bold.some((term) => sameWord(term, word))).length;
      const ownCount = own.filter(Boolean).length;
      const score = shared.reduce((sum, found, at) => sum + (found ? weights[at]! : 0), 0) + (0.45 * commonest * (ownCount + defined)) / asked.length;
      if (shared.filter(Boolean).length >= needed && score > (best?.score ?? 0)) best = { chunk, position, score };
    });
  }
  if (!best) return undefined;
  return { chunk: best.chunk, paragraphs: withItsFormulas(paragraphsOf(best.chunk), best.position) };
}

/**
 * The symbol a question asks about, as written: "what is h?", "what does f'(x) mean?", "what does η stand for?"
 * give "h", "f'(x)", "η"; undefined for a question about words ("what is a limit?").
 */
export function symbolAskedAbout(question: string): string | undefined {
  const asked = /^\s*(?:what|who)(?:'s| is| are| does| do)\s+(?:the\s+)?(?:symbol\s+|letter\s+)?(\S{1,12}?)\s*(?:mean|stand for|represent|denote)?\s*\??\s*$/i.exec(question)?.[1];
  if (!asked) return undefined;
  const symbol = asked.replace(/^[$`"“']+|[$`"”'.,:;!?]+$/g, '');
  // One letter, or mathematics (a prime, brackets, a power, a Greek letter): a word goes to the word search.
  return /^\p{L}$|[()'^_/\\]|[\u0370-\u03ff]/u.test(symbol) ? symbol : undefined;
}

/**
 * Where the course first writes `symbol` in its mathematics, the learner's lesson first: the paragraph
 * (with the formulas it runs through) that introduces it, such as "… for a small step $h$" for "what is h?".
 */
export function findSymbolIntroduced(index: CourseIndex, symbol: string, lesson: string | undefined): CourseQuote | undefined {
  const wanted = normalMath(symbol);
  const tokens = new RegExp(`(^|[^\\p{L}\\p{N}\\\\])${wanted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'u');
  const chunks = [...index.chunks.filter((chunk) => chunk.lesson === lesson), ...index.chunks.filter((chunk) => chunk.lesson !== lesson)];
  for (const chunk of chunks) {
    const paragraphs = paragraphsOf(chunk);
    for (const [position, paragraph] of paragraphs.entries()) {
      const text = withoutFences(paragraph.text);
      if (!isProse(text) || text.split(/\s+/).length < minimumWords) continue;
      const quoted = withItsFormulas(paragraphs, position);
      const math = quoted.flatMap((at) => paragraphs[at]!.text.match(/\$\$[^$]+\$\$|\$[^$]+\$/g) ?? []).map((segment) => normalMath(segment.replace(/\$/g, '')));
      if (math.some((segment) => tokens.test(segment))) return { chunk, paragraphs: quoted };
    }
  }
  return undefined;
}

/** Mathematics without spaces, with Greek letters as LaTeX writes them: "f'(x)", "\eta" for "η". */
function normalMath(math: string): string {
  const greek: Record<string, string> = { 'α': '\\alpha', 'β': '\\beta', 'γ': '\\gamma', 'δ': '\\delta', 'ε': '\\epsilon', 'η': '\\eta', 'θ': '\\theta', 'λ': '\\lambda', 'μ': '\\mu', 'σ': '\\sigma', '∂': '\\partial', '∇': '\\nabla' };
  return math.replace(/[αβγδεηθλμσ∂∇]/g, (letter) => greek[letter]!).replace(/\s+/g, '');
}

/**
 * A worked example (`:::worked-example[Title]` … `:::`) for a learner who asks for one: the one in the course that
 * shares most of the message's words ("an example with tanh"; `lesson`'s first on a tie), else the first of
 * `lesson` the tutor has not shown in `shown` (its recent replies).
 */
export function findWorkedExample(index: CourseIndex, message: string, lesson: string | undefined, shown: readonly string[]): (CourseQuote & { title: string }) | undefined {
  const words = terms(message).filter((word) => !/^(examples?|worked|another|give|show)$/.test(word));
  const examples = index.chunks.flatMap((chunk) =>
    workedExamplesIn(chunk).map((example) => {
      const said = terms([chunk.heading, example.title, ...example.paragraphs.map((at) => paragraphsOf(chunk)[at]!.text)].join(' '));
      return { chunk, ...example, here: lesson === undefined || chunk.lesson === lesson, sharing: words.filter((word) => said.some((term) => sameWord(term, word))).length };
    }),
  );
  // Most words shared wins, the lesson's own first on a tie; with none shared, the lesson's first not shown yet.
  const best = [...examples].sort((a, b) => b.sharing - a.sharing || Number(b.here) - Number(a.here))[0];
  if (best && best.sharing > 0) return best;
  const opening = (example: (typeof examples)[number]) => plainProse(withoutFences(paragraphsOf(example.chunk)[example.paragraphs[0]!]!.text)).replace(/\s*\n\s*/g, ' ').slice(0, 60);
  const lessonExamples = examples.filter((example) => example.here);
  return lessonExamples.find((example) => !shown.some((reply) => reply.includes(opening(example)))) ?? lessonExamples[0];
}

/** The worked examples of a chunk: each one's title and the positions of its paragraphs, fences included. */
function workedExamplesIn(chunk: Chunk): { title: string; paragraphs: number[] }[] {
  const found: { title: string; paragraphs: number[] }[] = [];
  let open: { title: string; paragraphs: number[] } | undefined;
  paragraphsOf(chunk).forEach((paragraph, position) => {
    const title = /^:::worked-example\[([^\]]*)\]/.exec(paragraph.text)?.[1];
    if (title !== undefined) found.push((open = { title, paragraphs: [] }));
    if (!open) return;
    open.paragraphs.push(position);
    if (/(^|\n):::\s*$/.test(paragraph.text)) open = undefined;
  });
  return found;
}

/**
 * The chosen paragraph with the display formulas around it that its sentence runs through: "… the average rate of
 * change is" leads into a formula (quote that too, and the words after it that end the sentence), and "is an
 * S-shaped curve …" goes on after one (quote the sentence from its start: "The hyperbolic tangent", the formula, then it).
 */
function withItsFormulas(paragraphs: readonly Paragraph[], position: number): number[] {
  const text = (at: number) => withoutFences(paragraphs[at]?.text ?? '');
  const quoted = [position];
  if (/^\p{Ll}/u.test(text(position)) && text(position - 1).startsWith('$$') && isProse(text(position - 2)) && !/[.!?)]$/.test(text(position - 2))) {
    quoted.unshift(position - 2, position - 1);
  }
  const following = text(position + 1);
  if (following && !/[.!?)]$/.test(text(position)) && (isProse(following) || following.startsWith('$$'))) {
    quoted.push(position + 1);
    // "… = 3x^2 + 3xh + h^2,$$" and the sentence goes on: "which tends to $3x^2$ as $h \to 0$."
    if (following.startsWith('$$') && /^\p{Ll}/u.test(text(position + 2))) quoted.push(position + 2);
  }
  return quoted;
}

/** What a paragraph or a heading says: its words and its pieces of mathematics. */
type Said = { terms: readonly string[]; math: readonly string[] };

function says(said: Said, item: Asked): boolean {
  return 'word' in item ? said.terms.some((term) => sameWord(term, item.word)) : said.math.includes(item.math);
}

/** A paragraph's words and mathematics, read once per paragraph (every turn searches the same few sections again). */
const saidInParagraph = new WeakMap<Paragraph, Said>();
function saidIn(paragraph: Paragraph): Said {
  let said = saidInParagraph.get(paragraph);
  if (!said) saidInParagraph.set(paragraph, (said = { terms: paragraph.terms, math: mathPieces(paragraph.text) }));
  return said;
}

/** How much finding `item` says: the rarer among the course's paragraphs, the more (inverse document frequency). */
const rarities = new WeakMap<CourseIndex, Map<string, number>>();
const rememberedRarities = 5000; // per course version; the oldest forgotten first
function rarity(index: CourseIndex, item: Asked): number {
  let known = rarities.get(index);
  if (!known) rarities.set(index, (known = new Map()));
  const key = 'word' in item ? `w:${item.word}` : `m:${item.math}`;
  let weight = known.get(key);
  if (weight === undefined) {
    let paragraphs = 0;
    let saying = 0;
    for (const chunk of index.chunks) {
      for (const paragraph of paragraphsOf(chunk)) {
        paragraphs++;
        if (says(saidIn(paragraph), item)) saying++;
      }
    }
    weight = Math.log(1 + paragraphs / (1 + saying));
    if (known.size >= rememberedRarities) known.delete(known.keys().next().value!);
    known.set(key, weight);
  }
  return weight;
}

/**
 * The pieces of mathematics `text` writes, in one spelling for the course's LaTeX and a learner's typing:
 * "$(x^2)' = 2x$", "x²" and "x**2" all give "x^2" (and the first "2x"). A piece holds a letter and a digit or
 * a power; lone letters and numbers ("f(x)", "5") are everywhere and left out.
 */
export function mathPieces(text: string): string[] {
  const latex = (text.match(/\$\$[^$]+\$\$|\$[^$]+\$/g) ?? []).join(' ');
  // Outside LaTeX, what a learner types: "x^2", "2x", "3x²", "x**2" (a word with a digit, a power or a superscript).
  const typed = text
    .replace(/\$\$[^$]+\$\$|\$[^$]+\$/g, ' ')
    .split(/\s+/)
    .filter((token) => /[\^²³]|\*\*|\d\p{L}|\p{L}\d/u.test(token))
    .join(' ');
  const normal = `${latex} ${typed}`
    .replace(/\\(cdot|times)\b/g, '*')
    .replace(/\\[a-zA-Z]+|\\[,;!]|[$}]/g, ' ') // commands (\frac, \tanh), spacing, and the end of a group part pieces
    .replace(/{/g, '') // "x^{2}" → "x^2", "\frac{1}{x^2}" → "1 x^2"
    .replace(/²/g, '^2')
    .replace(/³/g, '^3')
    .replace(/\*\*/g, '^')
    .toLowerCase();
  const pieces = normal.split(/[\s=+\-*/(),.;:?!<>|[\]'"]+/).filter((piece) => /\p{L}/u.test(piece) && /[\d^]/.test(piece) && !piece.endsWith('^'));
  return [...new Set(pieces)];
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
