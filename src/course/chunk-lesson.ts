// Heading-aware chunking of lesson text for retrieval and translation. A chunk's id comes from
// its lesson and heading, so editing one section never changes the ids of the others.
import { createHash } from 'node:crypto';
import { toString } from 'mdast-util-to-string';
import type { Chunk } from './bundle.js';
import { parseMarkdown } from './markdown.js';

const maxTokens = 400;
const minTokens = 60; // a shorter section is merged into the one after it

/** Rough token count (about four characters a token), good enough for budgets. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'section';
}

interface Section {
  slug: string;
  heading: string;
  text: string;
}

/** Splits a lesson's prose (exercises removed) into chunks of about 200–400 tokens. */
export function chunkLesson(lessonId: string, lessonTitle: string, markdown: string): Chunk[] {
  const sections = mergeShortSections(splitByHeadings(lessonTitle, markdown));
  return sections.flatMap((section) =>
    splitLongText(section.text).map((text, index) => ({
      id: `${lessonId}#${section.slug}${index === 0 ? '' : `/${index + 1}`}`,
      lesson: lessonId,
      heading: section.heading,
      text,
      hash: sha256(text),
      tokens: estimateTokens(text),
    })),
  );
}

function splitByHeadings(lessonTitle: string, markdown: string): Section[] {
  const tree = parseMarkdown(markdown);
  const sections: Section[] = [];
  const path: string[] = [];
  const used = new Map<string, number>();
  let start = 0;
  let current = { slug: 'introduction', heading: lessonTitle };
  const close = (end: number) => {
    const text = markdown.slice(start, end).trim();
    if (text) sections.push({ ...current, text });
  };
  for (const node of tree.children) {
    if (node.type !== 'heading' || node.depth > 3 || !node.position) continue;
    close(node.position.start.offset ?? start);
    start = node.position.start.offset ?? start;
    const title = toString(node);
    path.length = Math.max(0, node.depth - 1);
    path[node.depth - 1] = title;
    const base = slugify(title);
    const seen = used.get(base) ?? 0;
    used.set(base, seen + 1);
    current = { slug: seen === 0 ? base : `${base}-${seen + 1}`, heading: path.filter(Boolean).join(' › ') };
  }
  close(markdown.length);
  return sections;
}

function mergeShortSections(sections: Section[]): Section[] {
  const merged: Section[] = [];
  let pending: Section | undefined;
  for (const section of sections) {
    const next: Section = pending ? { ...pending, text: `${pending.text}\n\n${section.text}` } : section;
    pending = undefined;
    if (estimateTokens(next.text) < minTokens) pending = next;
    else merged.push(next);
  }
  if (pending) {
    const last = merged.pop();
    merged.push(last ? { ...last, text: `${last.text}\n\n${pending.text}` } : pending);
  }
  return merged;
}

/** Splits at paragraph boundaries (never inside a code block or display math) into parts under the limit. */
function splitLongText(text: string): string[] {
  if (estimateTokens(text) <= maxTokens) return [text];
  const blocks = paragraphs(text);
  const parts: string[] = [];
  let part = '';
  for (const block of blocks) {
    if (part && estimateTokens(`${part}\n\n${block}`) > maxTokens) {
      parts.push(part);
      part = block;
    } else {
      part = part ? `${part}\n\n${block}` : block;
    }
  }
  if (part) parts.push(part);
  return parts;
}

/** Top-level blocks of the text; a paragraph too long for one chunk is cut between sentences. */
function paragraphs(text: string): string[] {
  const tree = parseMarkdown(text);
  return tree.children.flatMap((node) => {
    const block = text.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0).trim();
    if (node.type !== 'paragraph' || estimateTokens(block) <= maxTokens) return block ? [block] : [];
    return block.split(/(?<=[.!?])\s+(?=\S)/);
  });
}
