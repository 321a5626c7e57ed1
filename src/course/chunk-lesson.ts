// Heading-aware chunking of lesson text for retrieval and translation. A chunk's id comes from
// its lesson and heading, so editing one section never changes the ids of the others.
import { createHash } from 'node:crypto';
import type { Root } from 'mdast';
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
  blocks: string[]; // the section's top-level Markdown blocks, heading first
}

const sectionTokens = (section: Section) => estimateTokens(section.blocks.join('\n\n'));

/**
 * Splits a lesson's prose into chunks of about 200–400 tokens at its headings. `tree` is the parsed
 * `markdown`; exercise blocks in it are left out (they are exercises, not lesson text).
 */
export function chunkLesson(lessonId: string, lessonTitle: string, markdown: string, tree: Root = parseMarkdown(markdown)): Chunk[] {
  const sections = mergeShortSections(splitByHeadings(lessonTitle, markdown, tree));
  return sections.flatMap((section) =>
    packBlocks(section.blocks).map((text, index) => ({
      id: `${lessonId}#${section.slug}${index === 0 ? '' : `/${index + 1}`}`,
      lesson: lessonId,
      heading: section.heading,
      text,
      hash: sha256(text),
      tokens: estimateTokens(text),
    })),
  );
}

function splitByHeadings(lessonTitle: string, markdown: string, tree: Root): Section[] {
  const sections: Section[] = [];
  const path: string[] = [];
  const used = new Map<string, number>();
  let current: Section = { slug: 'introduction', heading: lessonTitle, blocks: [] };
  const close = () => {
    if (current.blocks.length > 0) sections.push(current);
  };
  for (const node of tree.children) {
    if (!node.position || (node.type === 'code' && node.lang === 'exercise')) continue;
    const text = markdown.slice(node.position.start.offset ?? 0, node.position.end.offset ?? 0).trim();
    if (node.type === 'heading' && node.depth <= 3) {
      close();
      const title = toString(node);
      path.length = Math.max(0, node.depth - 1);
      path[node.depth - 1] = title;
      const base = slugify(title);
      const seen = used.get(base) ?? 0;
      used.set(base, seen + 1);
      current = { slug: seen === 0 ? base : `${base}-${seen + 1}`, heading: path.filter(Boolean).join(' › '), blocks: [text] };
    } else if (text) {
      // A paragraph too long for one chunk is cut between sentences.
      current.blocks.push(...(node.type === 'paragraph' && estimateTokens(text) > maxTokens ? text.split(/(?<=[.!?])\s+(?=\S)/) : [text]));
    }
  }
  close();
  return sections;
}

function mergeShortSections(sections: Section[]): Section[] {
  const merged: Section[] = [];
  let pending: Section | undefined;
  for (const section of sections) {
    const next: Section = pending ? { ...pending, blocks: [...pending.blocks, ...section.blocks] } : section;
    pending = undefined;
    if (sectionTokens(next) < minTokens) pending = next;
    else merged.push(next);
  }
  if (pending) {
    const last = merged.pop();
    merged.push(last ? { ...last, blocks: [...last.blocks, ...pending.blocks] } : pending);
  }
  return merged;
}

/** Packs blocks, in order, into parts of at most about `maxTokens` tokens. */
function packBlocks(blocks: string[]): string[] {
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
