// Renders course Markdown to HTML as a learner sees it: KaTeX math, highlighted code, and
// worked examples and explanations as labelled sections. Raw HTML in the source is not passed through.
import type { Root } from 'mdast';
import rehypeHighlight from 'rehype-highlight';
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

const directiveLabels: Record<string, string> = { 'worked-example': 'Worked example', explanation: 'Explanation' };

/** Turns `:::worked-example[Title]` blocks into `<section class="worked-example">`; other directives back into text. */
function remarkPrimerDirectives() {
  return (tree: Root) => {
    visit(tree, (node, index, parent) => {
      if (node.type === 'containerDirective') {
        const label = directiveLabels[node.name] ?? node.name;
        node.data = { hName: 'section', hProperties: { className: [node.name] } };
        const first = node.children[0];
        const hasLabel = first?.type === 'paragraph' && first.data && 'directiveLabel' in first.data;
        if (hasLabel) first.data = { hName: 'p', hProperties: { className: ['label'] } };
        node.children.unshift({ type: 'paragraph', data: { hProperties: { className: ['kind'] } }, children: [{ type: 'text', value: label }] });
      } else if ((node.type === 'textDirective' || node.type === 'leafDirective') && parent && index !== undefined) {
        // "ratio 3:2" or "f:x" are prose, not directives: give the text back unchanged.
        const text = `:${node.name}${node.children.length ? `[${node.children.map((c) => ('value' in c ? c.value : '')).join('')}]` : ''}`;
        parent.children.splice(index, 1, { type: 'text', value: text });
      }
    });
  };
}

const renderer = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkMath)
  .use(remarkDirective)
  .use(remarkPrimerDirectives)
  .use(remarkImageUrls)
  .use(remarkRehype)
  .use(rehypeKatex, { strict: 'ignore' })
  .use(rehypeHighlight, { detect: false })
  .use(rehypeStringify);

export interface RenderOptions {
  /** Where a figure is served from, given its path relative to the lesson file (`../figures/x.svg`); absolute URLs are kept. */
  imageUrl?: (relative: string) => string;
}

/** Rewrites relative figure paths with `file.data.imageUrl` when a caller gives one. */
function remarkImageUrls() {
  return (tree: Root, file: { data: object }) => {
    const { imageUrl } = file.data as RenderOptions;
    if (!imageUrl) return;
    visit(tree, 'image', (node) => {
      if (!/^([a-z][a-z0-9+.-]*:|\/)/i.test(node.url)) node.url = imageUrl(node.url);
    });
  };
}

export function renderMarkdown(markdown: string, options: RenderOptions = {}): string {
  return String(renderer.processSync({ value: markdown, data: { imageUrl: options.imageUrl } }));
}
