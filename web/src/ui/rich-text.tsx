// Plain text from the tutor, hints and feedback, shown with a little structure: paragraphs, "- " lists,
// `code`, **bold**, *emphasis*, $math$ / $$math$$ (KaTeX) and [chunk-id] citations as buttons. Everything else is text:
// no HTML from a model ever reaches the page.
import katex from 'katex';
import { Fragment, type ReactNode } from 'react';

export interface CitationTarget {
  id: string;
  label: string;
}

// *emphasis* only between a space (or punctuation) and a word, so `a*b*c` and `2 * 3 * 4` stay as written.
const tokenPattern = /(\$\$[^$]+\$\$|\$[^$\n]+\$|`[^`\n]+`|\*\*[^*\n]+\*\*|(?<![\w*])\*(?=[^\s*])[^*\n]*?[^\s*]\*(?![\w*])|\[[\w.-]+#[\w./-]+\])/g;

function renderMath(tex: string, displayMode: boolean) {
  const html = katex.renderToString(tex, { displayMode, throwOnError: false, output: 'htmlAndMathml' });
  return <span className={displayMode ? 'math-display' : 'math-inline'} dangerouslySetInnerHTML={{ __html: html }} />;
}

function renderInline(text: string, cite?: (chunk: string) => ReactNode): ReactNode[] {
  return text.split(tokenPattern).map((token, index) => {
    if (!token) return null;
    if (token.startsWith('$$') && token.endsWith('$$') && token.length > 4) return <Fragment key={index}>{renderMath(token.slice(2, -2), true)}</Fragment>;
    if (token.startsWith('$') && token.endsWith('$') && token.length > 2) return <Fragment key={index}>{renderMath(token.slice(1, -1), false)}</Fragment>;
    if (token.startsWith('`') && token.endsWith('`') && token.length > 2) return <code key={index}>{token.slice(1, -1)}</code>;
    // Bold and emphasis may hold math, code or a citation: "**Multiplication $p = xw$**".
    if (token.startsWith('**') && token.endsWith('**') && token.length > 4) return <strong key={index}>{renderInline(token.slice(2, -2), cite)}</strong>;
    if (token.startsWith('*') && token.endsWith('*') && token.length > 2) return <em key={index}>{renderInline(token.slice(1, -1), cite)}</em>;
    if (token.startsWith('[') && token.endsWith(']') && cite) return <Fragment key={index}>{cite(token.slice(1, -1))}</Fragment>;
    return <Fragment key={index}>{token}</Fragment>;
  });
}

/**
 * Renders `text` as paragraphs and lists; `cite` turns a chunk id into a citation button. Each block takes its
 * direction from its own first letters (`dir="auto"`): the course's English quoted in an Arabic chat reads
 * left to right, with its punctuation where it belongs.
 */
export function RichText({ text, cite }: { text: string; cite?: (chunk: string) => ReactNode }) {
  const blocks = text.replace(/\r\n/g, '\n').split(/\n{2,}/);
  return (
    <>
      {blocks.map((block, index) => {
        const lines = block.split('\n');
        if (lines.every((line) => /^\s*([-*]|\d+\.)\s+/.test(line))) {
          const ordered = /^\s*\d+\./.test(lines[0] ?? '');
          const items = lines.map((line, itemIndex) => <li key={itemIndex}>{renderInline(line.replace(/^\s*([-*]|\d+\.)\s+/, ''), cite)}</li>);
          return ordered ? (
            <ol key={index} dir="auto">
              {items}
            </ol>
          ) : (
            <ul key={index} dir="auto">
              {items}
            </ul>
          );
        }
        return (
          <p key={index} dir="auto">
            {lines.map((line, lineIndex) => (
              <Fragment key={lineIndex}>
                {lineIndex > 0 && <br />}
                {renderInline(line, cite)}
              </Fragment>
            ))}
          </p>
        );
      })}
    </>
  );
}

/** Chunk ids cited in the text as [lesson#section]. */
export function citedChunks(text: string): string[] {
  return [...text.matchAll(/\[([\w.-]+#[\w./-]+)\]/g)].map((match) => match[1]!);
}
