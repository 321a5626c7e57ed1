// Markdown as Primer reads it: CommonMark + GFM, math ($…$, $$…$$) and directives for
// worked examples and explanations. One parser for checking, chunking and rendering.
import katex from 'katex';
import type { Root, RootContent } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Diagnostic } from './diagnostic.js';

/** Container directives a lesson may use, e.g. `:::worked-example[Title]` … `:::`. */
export const blockDirectives = ['worked-example', 'explanation'] as const;

/** Text without these characters has no math, link, figure or directive. */
const mayNeedChecking = /[$\]:]/;

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkMath).use(remarkDirective);

export function parseMarkdown(text: string): Root {
  return parser.parse(text);
}

export interface MarkdownContext {
  path: string; // the file, for diagnostics
  /** Where positions inside this text are reported: the text's own positions (a lesson) or a fixed point (a YAML field). */
  place: (line: number, column: number) => { line: number; column: number };
  /** Resolves a relative link target against the course folder; undefined when it leaves the folder. */
  resolve: (target: string) => string | undefined;
  exists: (coursePath: string) => boolean;
}

/** Checks math, links, figures and directives; returns one diagnostic per problem. */
export function checkMarkdown(tree: Root, context: MarkdownContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (node: RootContent, severity: Diagnostic['severity'], message: string, hint: string) => {
    const start = node.position?.start ?? { line: 1, column: 1 };
    diagnostics.push({ path: context.path, ...context.place(start.line, start.column), severity, message, hint });
  };
  visit(tree, (node) => {
    if (node.type === 'inlineMath' || node.type === 'math') {
      const error = katexError(node.value, node.type === 'math');
      if (error) report(node, 'error', `math does not parse: ${error}`, 'fix the LaTeX; KaTeX supports the commands listed at katex.org/docs/supported');
    } else if (node.type === 'link' || node.type === 'image') {
      const target = node.url.split('#')[0]!;
      if (!target || /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('/')) return;
      const resolved = context.resolve(decodeURI(target));
      if (resolved && context.exists(resolved)) return;
      if (node.type === 'image') report(node, 'error', `missing figure "${node.url}"`, 'add the image file at that path (relative to this file) or fix the path');
      else report(node, 'error', `broken link "${node.url}": no such file in the course`, 'link to an existing file, relative to this one, e.g. 02-rules.md');
    } else if (node.type === 'containerDirective' && !(blockDirectives as readonly string[]).includes(node.name)) {
      report(node, 'warning', `unknown block ":::${node.name}"`, `use one of: ${blockDirectives.map((d) => `:::${d}`).join(', ')}`);
    }
  });
  return diagnostics;
}

/**
 * Checks the Markdown of several YAML fields (prompt, hints…) in one parse; each problem is
 * reported at the position of the field it is in.
 */
export function checkMarkdownFields(fields: { text: string; at: { line: number; column: number } }[], context: Omit<MarkdownContext, 'place'>): Diagnostic[] {
  const checked = fields.filter((field) => mayNeedChecking.test(field.text)); // others have nothing to check
  if (checked.length === 0) return [];
  const starts: number[] = []; // first line of each field in the joined document
  let line = 1;
  const parts = checked.map((field) => {
    starts.push(line);
    line += field.text.split('\n').length + 1;
    return field.text;
  });
  const fieldAt = (documentLine: number) => checked[starts.findLastIndex((start) => start <= documentLine)]!.at;
  return checkMarkdown(parseMarkdown(parts.join('\n\n')), { ...context, place: (documentLine) => fieldAt(documentLine) });
}

function katexError(tex: string, displayMode: boolean): string | undefined {
  try {
    katex.renderToString(tex, { displayMode, throwOnError: true, strict: 'ignore' });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message.replace(/^KaTeX parse error: /, '') : String(error);
  }
}
