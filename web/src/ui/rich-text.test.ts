import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RichText } from './rich-text.tsx';

const html = (text: string) => renderToStaticMarkup(createElement(RichText, { text }));

describe('rich text in the chat, hints and feedback', () => {
  it("shows a teacher's *emphasis* as emphasis, and leaves products and code alone", () => {
    expect(html('A *rate* divides it by the change in input.')).toBe('<p dir="auto">A <em>rate</em> divides it by the change in input.</p>');
    expect(html('Compute a*b*c, not 2 * 3 * 4; **bold** stays bold.')).toBe('<p dir="auto">Compute a*b*c, not 2 * 3 * 4; <strong>bold</strong> stays bold.</p>');
    expect(html('Use `x*y*z` here.')).toBe('<p dir="auto">Use <code>x*y*z</code> here.</p>');
  });

  it('renders math and code inside bold and emphasis', () => {
    const bold = html('**Multiplication $p_2 = x_2 w_2$** works the same way.');
    expect(bold).toMatch(/^<p dir="auto"><strong>Multiplication <span class="math-inline"><span class="katex">/);
    expect(bold).not.toContain('$');
    expect(html('*see `grad`*')).toBe('<p dir="auto"><em>see <code>grad</code></em></p>');
  });

  it('lets each paragraph and list take its own direction, so English quoted in an Arabic chat reads left to right', () => {
    expect(html('الدورة تشرح هذا:\n\nExpand the square. The terms cancel:\n\n1. First\n2. Second')).toBe('<p dir="auto">الدورة تشرح هذا:</p><p dir="auto">Expand the square. The terms cancel:</p><ol dir="auto"><li>First</li><li>Second</li></ol>');
  });
});
