import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RichText } from './rich-text.tsx';

const html = (text: string) => renderToStaticMarkup(createElement(RichText, { text }));

describe('rich text in the chat, hints and feedback', () => {
  it("shows a teacher's *emphasis* as emphasis, and leaves products and code alone", () => {
    expect(html('A *rate* divides it by the change in input.')).toBe('<p>A <em>rate</em> divides it by the change in input.</p>');
    expect(html('Compute a*b*c, not 2 * 3 * 4; **bold** stays bold.')).toBe('<p>Compute a*b*c, not 2 * 3 * 4; <strong>bold</strong> stays bold.</p>');
    expect(html('Use `x*y*z` here.')).toBe('<p>Use <code>x*y*z</code> here.</p>');
  });

  it('renders math and code inside bold and emphasis', () => {
    const bold = html('**Multiplication $p_2 = x_2 w_2$** works the same way.');
    expect(bold).toMatch(/^<p><strong>Multiplication <span class="math-inline"><span class="katex">/);
    expect(bold).not.toContain('$');
    expect(html('*see `grad`*')).toBe('<p><em>see <code>grad</code></em></p>');
  });
});
