// Splits a streaming reply into sentences as soon as each is complete. A sentence ends at . ! ?
// followed by a space or a line break (so "3.5" and "e.g." do not end one), at 。！？, or at a line
// break before a new block (blank line, list item, heading…); a soft-wrapped line does not end one.
// A code fence ``` … ``` and display math $$ … $$ stay whole, and nothing inside inline $…$ splits.

const abbreviations = new Set([
  'e.g', 'i.e', 'etc', 'vs', 'cf', 'approx', 'fig', 'eq', 'eqs', 'dr', 'mr', 'mrs', 'ms', 'prof', 'no', 'nr', 'p', 'pp', 'ch', 'sec', 'ex',
  'z.b', 'd.h', 'bzw', 'ca', 'vgl', 'usw', 'p.ej', 'ej', 'sr', 'sra', 'p.ex', 'env', 'cap', 'pag', 'núm', 'obs',
]);

export interface SentenceSplitter {
  /** Adds text and returns the sentences it completed, in order. */
  push(delta: string): string[];
  /** Ends the reply and returns what was left, if anything. */
  end(): string[];
}

/** Where the first complete sentence of `buffer` ends (exclusive), or -1 when more text is needed. */
function sentenceEnd(buffer: string, final: boolean): number {
  let inline = false;
  for (let index = 0; index < buffer.length; index++) {
    if (buffer.startsWith('```', index) && !inline) {
      if (index > 0 && buffer.slice(0, index).trim() !== '') return index; // the prose before the fence
      const close = buffer.indexOf('```', index + 3);
      if (close < 0) return final ? buffer.length : -1;
      const lineEnd = buffer.indexOf('\n', close + 3);
      return lineEnd < 0 ? (final ? buffer.length : -1) : lineEnd + 1;
    }
    if (buffer.startsWith('$$', index) && !inline) {
      const close = buffer.indexOf('$$', index + 2);
      if (close < 0) return final ? buffer.length : -1;
      index = close + 1;
      continue;
    }
    const char = buffer[index]!;
    if (char === '$') {
      inline = !inline;
      continue;
    }
    if (inline) continue;
    if (char === '\n') {
      if (buffer.slice(0, index).trim() === '') continue;
      // a line break ends a sentence before a blank line, a list item, a heading, a table row, a
      // quote, a fence or display math; otherwise it is a soft wrap inside a paragraph
      const rest = buffer.slice(index + 1);
      if (!/\S/.test(rest)) {
        if (final) return buffer.length;
        if (/\n/.test(rest)) return index + 1;
        return -1;
      }
      if (/^[ \t]*(?:\n|[-*+][ \t]|\d{1,3}[.)][ \t]|#|\||>|```|\$\$)/.test(rest)) return index + 1;
      continue;
    }
    if ('。！？'.includes(char)) return index + 1;
    if (char === '.' || char === '!' || char === '?') {
      let after = index + 1;
      while (after < buffer.length && /[.!?)"'”’»\]*_]/.test(buffer[after]!)) after++;
      if (after >= buffer.length) return final ? buffer.length : -1;
      if (!/\s/.test(buffer[after]!)) continue;
      if (char === '.' && !endsSentence(buffer.slice(0, index))) continue;
      return after;
    }
  }
  return final && buffer.trim() !== '' ? buffer.length : -1;
}

/** False when the period after `before` belongs to an abbreviation, an initial or a list number. */
function endsSentence(before: string): boolean {
  const word = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase() ?? '';
  if (abbreviations.has(word) || abbreviations.has(word.replace(/\.$/, ''))) return false;
  if (/^\p{Lu}$/u.test(/(\p{L}+)$/u.exec(before)?.[1] ?? '') && /(?:^|\s)\p{Lu}$/u.test(before)) return false; // "J. Smith"
  if (/(?:^|\n)\s*\d{1,2}$/.test(before)) return false; // "1. First step"
  return true;
}

/** A splitter for one reply. */
export function createSentenceSplitter(): SentenceSplitter {
  let buffer = '';
  const take = (final: boolean): string[] => {
    const sentences: string[] = [];
    for (;;) {
      const end = sentenceEnd(buffer, final);
      if (end < 0) break;
      const sentence = buffer.slice(0, end);
      buffer = buffer.slice(end);
      if (sentence.trim() !== '') sentences.push(sentence);
      if (buffer === '') break;
    }
    return sentences;
  };
  return {
    push(delta) {
      buffer += delta;
      return take(false);
    },
    end() {
      return take(true);
    },
  };
}

/** Splits a whole text into sentences, as the streaming splitter would. */
export function splitSentences(text: string): string[] {
  const splitter = createSentenceSplitter();
  return [...splitter.push(text), ...splitter.end()];
}
