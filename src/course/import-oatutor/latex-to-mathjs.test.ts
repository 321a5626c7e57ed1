import { evaluate } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { latexToMathjs } from './latex-to-mathjs.js';

const translate = (latex: string, options?: { decimalComma?: boolean }) => {
  const result = latexToMathjs(latex, options);
  if (!result.ok) throw new Error(result.reason);
  return result;
};
const valueAt = (latex: string, scope: Record<string, number> = {}) => evaluate(translate(latex).expression, scope) as number;

describe('latexToMathjs', () => {
  it('reads fractions, roots and powers as OATutor authors write them', () => {
    expect(valueAt('$$\\frac{11}{14}$$')).toBeCloseTo(11 / 14, 12);
    expect(valueAt('$$-\\left(\\frac{1}{3}\\right)$$')).toBeCloseTo(-1 / 3, 12);
    expect(valueAt('$$2\\sqrt{2}$$')).toBeCloseTo(2 * Math.SQRT2, 12);
    expect(valueAt('$$\\sqrt[3]{x}$$', { x: 27 })).toBeCloseTo(3, 12);
    expect(valueAt('$${26}^8$$')).toBe(26 ** 8);
    expect(valueAt('$$2.1\\times{10}^{11}$$')).toBeCloseTo(2.1e11, 0);
  });

  it('makes products explicit, so xy is x times y, not a variable "xy"', () => {
    expect(translate('$$\\frac{yz}{y-z}$$').expression).toBe('((y*z)/(y - z))');
    expect(valueAt('$$2x^2+3x+10$$', { x: 2 })).toBe(24);
    expect(valueAt('$$x\\left(x+h\\right)$$', { x: 2, h: 3 })).toBe(10);
    expect(valueAt('$$3sin(2x)-2$$', { x: 0.4 })).toBeCloseTo(3 * Math.sin(0.8) - 2, 12);
  });

  it('reads logarithms with a base as log(x, b) and a bare \\log as base 10', () => {
    expect(translate('$$1+\\log_{5}\\left(x\\right)$$').expression).toBe('1 + log(x, 5)');
    expect(valueAt('$$\\log_{10}\\left(\\frac{xy}{z}\\right)$$', { x: 10, y: 10, z: 1 })).toBeCloseTo(2, 12);
    expect(valueAt('$$\\log\\left(100\\right)$$')).toBeCloseTo(2, 12);
    expect(valueAt('$$\\ln(e)$$')).toBeCloseTo(1, 12);
  });

  it('reads powers of functions and OATutor\'s ** for powers', () => {
    expect(valueAt('$$\\cos**2\\left(x\\right) $$-$$ \\sin**2\\left(x\\right)$$', { x: 0.3 })).toBeCloseTo(Math.cos(0.6), 12);
    expect(valueAt('$$2x$$ $$-$$ \\sec**2\\left(x\\right)$$', { x: 0.5 })).toBeCloseTo(1 - 1 / Math.cos(0.5) ** 2, 12);
    expect(valueAt('(1 - $$0.35$$ * $$0.42)$$ ** $$10$$')).toBeCloseTo((1 - 0.35 * 0.42) ** 10, 12);
  });

  it('survives OATutor\'s stray $$ in the middle of an answer and a trailing \\n', () => {
    expect(valueAt('$$\\frac{1}{7$$} $$-$$ \\frac{7}{x**2}$$', { x: 7 })).toBeCloseTo(1 / 7 - 1 / 7, 12);
    expect(translate('$$-3\\cos\\left(x\\right)$$\\n').expression).toBe('-3*cos(x)');
    expect(translate('$$\\$-2\\sin\\left(x\\right)\\cos\\left(x\\right)$$').expression).toBe('-2*sin(x)*cos(x)');
  });

  it('reads Unicode math signs', () => {
    expect(valueAt('−3 × 2 ÷ 4')).toBe(-1.5);
    expect(valueAt('√25 + 2π')).toBeCloseTo(5 + 2 * Math.PI, 12);
  });

  it('keeps template variables @{name} whole', () => {
    expect(translate('$$\\frac{1}{@{ans}}$$').expression).toBe('(1/ans)');
    expect(translate('-@{k}').expression).toBe('-k');
  });

  it('reads "y = …" as its right-hand side and says which unknown it names', () => {
    expect(translate('$$y=-\\left(x**2\\right)+18x$$')).toEqual({ ok: true, expression: '-(x^2) + 18*x', unknown: 'y' });
  });

  it('reads decimal commas only where the course language uses them', () => {
    expect(valueAt('$$0{,}5$$')).toBe(0.5);
    expect(evaluate(translate('2,5', { decimalComma: true }).expression)).toBe(2.5);
    expect(evaluate(translate('1,000').expression)).toBe(1000);
  });

  it('refuses what is not one number or expression, with the reason', () => {
    const refusal = (latex: string) => {
      const result = latexToMathjs(latex);
      return result.ok ? 'accepted' : result.reason;
    };
    expect(refusal('$$x>-3$$')).toMatch(/equation, inequality/);
    expect(refusal('$$(-\\infty, 3]$$')).toMatch(/not a single number/);
    expect(refusal('$$2, 3$$')).toMatch(/lists several values/);
    expect(refusal('$$\\begin{bmatrix}1\\end{bmatrix}$$')).toMatch(/matrix answers are not supported/);
    expect(refusal('$$\\text{apples}$$')).toMatch(/text inside the answer/);
    expect(refusal('$$\\frac{1}{$$')).toMatch(/cannot read/);
    expect(refusal('')).toMatch(/empty/);
  });
});
