// A hint pathway in the order a learner meets it: OATutor lists hints in order and also names
// each hint's `dependencies`; a hint comes after every hint it depends on, else in list order.
import { normalizeForComparison } from './convert-text.js';
import type { OatutorHint } from './oatutor-schema.js';

export function orderPathway(hints: readonly OatutorHint[]): OatutorHint[] {
  const ids = new Set(hints.map((h) => h.id));
  const placed = new Set<string>();
  const ordered: OatutorHint[] = [];
  const remaining = [...hints];
  while (remaining.length > 0) {
    const index = remaining.findIndex((hint) => hint.dependencies.every((d) => !ids.has(d) || placed.has(d) || d === hint.id));
    const [next] = remaining.splice(index === -1 ? 0 : index, 1); // a dependency cycle keeps list order
    placed.add(next!.id);
    ordered.push(next!);
  }
  return ordered;
}

const statingWords = '(?:=|is|are|equals|är|blir|:|→)';

/**
 * True when `text` states one of the answers: a long answer anywhere in it; a short number or
 * name only where it is stated ("= 2", "is 2") or closes the text, so that every hint mentioning
 * "x^2" does not count as revealing an answer of 2.
 */
export function revealsAnswer(text: string, answers: readonly string[]): boolean {
  const haystack = normalizeForComparison(text);
  return answers.some((answer) => {
    // "x=-1 or x=-3" is stated by a hint that states both parts, in any order
    const parts = answer
      .replace(/\$\$/g, ' ')
      .split(/\s(?:or|and|och|eller)\s|[,;]/i)
      .map(normalizeForComparison)
      .filter((part) => part !== '');
    if (parts.length === 0) return false;
    if (parts.length > 1 && parts.every((part) => statesPart(haystack, part))) return true;
    return statesPart(haystack, normalizeForComparison(answer));
  });
}

function statesPart(haystack: string, needle: string): boolean {
  if (needle === '') return false;
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const isNumber = /^[-+]?\d+(\.\d+)?$/.test(needle);
  const isShort = isNumber ? needle.replace(/^[-+]/, '').length <= 2 : needle.length <= 2;
  if (isShort) {
    const boundary = isNumber ? '(?![\\d])(?!\\.\\d)' : '(?![a-z0-9_])';
    return new RegExp(`${statingWords}${escaped}${boundary}`).test(haystack) || new RegExp(`(^|[^a-z0-9_.\\\\])${escaped}[.!]?$`).test(haystack);
  }
  if (isNumber) return new RegExp(`(^|[^\\d.])${escaped}(?![\\d])(?!\\.\\d)`).test(haystack);
  return haystack.includes(needle);
}
