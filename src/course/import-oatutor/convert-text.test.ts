import { describe, expect, it } from 'vitest';
import { convertText, splitLines } from './convert-text.js';

describe('convertText', () => {
  it('writes OATutor\'s inline $$…$$ as $…$ so KaTeX reads it inline', () => {
    expect(convertText('Factor $$x^2+4x+3$$ by finding two numbers.')).toBe('Factor $x^2+4x+3$ by finding two numbers.');
  });

  it('turns a literal \\n into a paragraph break but keeps \\neq and \\nu inside math', () => {
    expect(convertText('Those numbers are $$3$$ and $$1$$. \\n $$x\\neq 1$$ and $$\\nu$$')).toBe('Those numbers are $3$ and $1$.\n\n$x\\neq 1$ and $\\nu$');
    expect(splitLines('a\\nb\\neq')).toEqual(['a', 'b\\neq']);
  });

  it('writes OATutor\'s ** powers as ^ so KaTeX renders them', () => {
    expect(convertText('$$(a**b)**c=a**{bc}$$')).toBe('$(a^{b})^{c}=a^{bc}$');
  });

  it('escapes Markdown in plain text: a dollar sign, emphasis markers, directive colons', () => {
    expect(convertText('satisfaction per $ and one_sim *2*, note:this')).toBe('satisfaction per \\$ and one\\_sim \\*2\\*, note\\:this');
  });

  it('links a figure that is in the folder and says so when one is not', () => {
    const notes: string[] = [];
    const figure = (name: string) => (name === 'figure1.gif' ? '![figure1.gif](../figures/p1/figure1.gif)' : undefined);
    const text = convertText('The table:\\n##figure1.gif##\\n##figure2.gif', { figure, note: (m) => notes.push(m) });
    expect(text).toBe('The table:\n\n![figure1.gif](../figures/p1/figure1.gif)\n\n*(Figure "figure2.gif" of the original OATutor problem is not included.)*');
    expect(notes).toEqual(['figure "figure2.gif" is not in the imported folder']);
  });

  it('writes variables as template placeholders or as a chosen value', () => {
    expect(convertText('Evaluate $$\\log_{@{b}}\\left({@{b}}^{@{k}}\\right)$$ for base @{b}', { variables: { kind: 'placeholder' } })).toBe(
      'Evaluate $\\log_{{{b}}}\\left({{{b}}}^{{{k}}}\\right)$ for base {{b}}',
    );
    expect(convertText('base @{my_b}', { variables: { kind: 'placeholder' } })).toBe('base {{my_b}}');
    expect(convertText('$$@{b}^2$$', { variables: { kind: 'value', values: { b: '3' } } })).toBe('$3^2$');
  });

  it('mends math with an unclosed brace or blanks, and keeps math KaTeX cannot read as code', () => {
    expect(convertText('$$\\frac{dy}{dx}=\\frac{dy}{du$$')).toBe('$\\frac{dy}{dx}=\\frac{dy}{du}$');
    expect(convertText('$$squirrels_{2023}=___$$')).toBe('$squirrels_{2023}=\\underline{\\qquad}$');
    const notes: string[] = [];
    expect(convertText('$$\\undefinedcommand{x}$$', { note: (m) => notes.push(m) })).toBe('`\\undefinedcommand{x}`');
    expect(notes[0]).toMatch(/KaTeX cannot parse/);
  });

  it('drops empty math and keeps a fill-in blank', () => {
    expect(convertText('Fill in $$$$ the $$___$$')).toBe('Fill in the \\_\\_\\_');
  });
});
