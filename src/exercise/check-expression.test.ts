import { describe, expect, it } from 'vitest';
import { checkExpression } from './check-expression.js';
import { latexToMathjs } from './latex-to-mathjs.js';

const key = (answer: string, form: 'any' | 'simplified' | 'factored' | 'expanded' = 'any', variables: Record<string, [number, number]> = { x: [-3, 3] }) => ({ answer, variables, form });

describe('checkExpression', () => {
  it.each([
    ['2*x*cos(x^2)', 'cos(x^2)*2x'],
    ['2*x*cos(x^2)', '2 x cos(x**2)'],
    ['(x+1)^2', 'x^2 + 2x + 1'],
    ['sin(2x)', '2 sin(x) cos(x)'],
    ['1/(x^2+1)', '(x^2+1)^(-1)'],
    ['exp(2*log(x))', 'x^2'],
    ['ln(x)', 'log(x)'],
    ['sqrt(x^2)', 'abs(x)'],
  ])('accepts %s written as %s', (answer, written) => {
    expect(checkExpression(key(answer, 'any', { x: [0.5, 3] }), written).verdict).toBe('correct');
  });

  it.each([
    ['2*x*cos(x^2)', 'x*cos(x^2)'],
    ['(x+1)^2', 'x^2 + 1'],
    ['sin(x)', 'x - x^3/6'], // agrees near 0 but not across the domain
  ])('rejects %s written as %s', (answer, written) => {
    expect(checkExpression(key(answer), written).verdict).toBe('incorrect');
  });

  it('reads full-width forms and the digits of other scripts', () => {
    expect(checkExpression(key('2*x + 1'), '２ｘ＋１').verdict).toBe('correct');
    expect(checkExpression(key('2*x + 1'), '٢x + ١').verdict).toBe('correct');
    expect(checkExpression(key('2*x + 1'), '３x + １').verdict).toBe('incorrect');
  });

  it('reads powers written as superscripts, as a phone keyboard types them', () => {
    expect(checkExpression(key('x^2 + 1'), 'x² + 1').verdict).toBe('correct');
    expect(checkExpression(key('2*x^3 - x^2'), '2x³ - x²').verdict).toBe('correct');
    expect(checkExpression(key('1/x', 'any', { x: [1, 3] }), 'x⁻¹').verdict).toBe('correct');
    expect(checkExpression(key('(x+1)^2'), '(x+1)²').verdict).toBe('correct');
  });

  it('reads LaTeX input', () => {
    const k = key('2*x*cos(x^2)');
    expect(checkExpression(k, '2x\\cos\\left(x^{2}\\right)').verdict).toBe('correct');
    expect(checkExpression(k, '2 \\cdot x \\cdot \\cos(x^2)').verdict).toBe('correct');
    expect(checkExpression(key('sqrt(x)/(x+1)', 'any', { x: [0.1, 4] }), '\\frac{\\sqrt{x}}{x+1}').verdict).toBe('correct');
    expect(checkExpression(key('x^(1/3)', 'any', { x: [0.1, 4] }), '\\sqrt[3]{x}').verdict).toBe('correct');
    expect(checkExpression(key('abs(x)'), '\\left|x\\right|').verdict).toBe('correct');
    expect(checkExpression(key('pi*x^2'), '\\pi x^2').verdict).toBe('correct');
  });

  it('reads what learners type from OATutor-style LaTeX: log bases, **, \\$, y = …, x(x+h)', () => {
    expect(checkExpression(key('2 + log(x, 2)', 'any', { x: [0.5, 3] }), '2+\\log_{2}\\left(x\\right)').verdict).toBe('correct');
    expect(checkExpression(key('2 + log(x, 2)', 'any', { x: [0.5, 3] }), '2+\\log_{3}\\left(x\\right)').verdict).toBe('incorrect');
    expect(checkExpression(key('cos(x)^2 - sin(x)^2'), '\\cos**2\\left(x\\right) - \\sin**2\\left(x\\right)').verdict).toBe('correct');
    expect(checkExpression(key('-2 sin(x) cos(x)'), '\\$-2\\sin\\left(x\\right)\\cos\\left(x\\right)').verdict).toBe('correct');
    expect(checkExpression(key('-x^2 + 18x'), 'y=-\\left(x**2\\right)+18x').verdict).toBe('correct');
    expect(checkExpression(key('x^2 + x h', 'any', { x: [-2, 2], h: [0.1, 1] }), 'x\\left(x+h\\right)').verdict).toBe('correct');
  });

  it('splits run-together single-letter variables', () => {
    expect(checkExpression(key('x*y', 'any', { x: [-2, 2], y: [-2, 2] }), 'xy').verdict).toBe('correct');
  });

  it('names an unknown variable and what to use instead', () => {
    const verdict = checkExpression(key('2x'), '2t');
    expect(verdict).toMatchObject({ verdict: 'unparseable', problem: { code: 'unknown-variable', values: { name: 't' }, expected: { code: 'expression', values: { variables: 'x' } } } });
  });

  it('reports input it cannot read, and never evaluates assignments or unknown functions', () => {
    for (const answer of ['2x +', 'a = b = 2x', 'f(x) := x', 'import("fs")', 'evaluate("1")', '\\frac{1}{', '[1, 2]']) {
      expect(checkExpression(key('2x'), answer).verdict).toBe('unparseable');
    }
  });

  it('gives a distinct verdict for an equivalent answer not in the requested form', () => {
    const factored = key('(x-1)(x+1)', 'factored');
    expect(checkExpression(factored, '(x+1)(x-1)').verdict).toBe('correct');
    const notFactored = checkExpression(factored, 'x^2 - 1');
    expect(notFactored).toMatchObject({ verdict: 'partially-correct', reason: 'wrong-form' });
    expect(notFactored.problem?.code).toBe('not-factored');

    const expanded = key('x^2 + 2x + 1', 'expanded');
    expect(checkExpression(expanded, '1 + 2x + x^2').verdict).toBe('correct');
    expect(checkExpression(expanded, '(x+1)^2').reason).toBe('wrong-form');

    const simplified = key('6x', 'simplified');
    expect(checkExpression(simplified, '6*x').verdict).toBe('correct');
    expect(checkExpression(simplified, '2*3*x').reason).toBe('wrong-form');
    expect(checkExpression(simplified, 'x+x+x+x+x+x').reason).toBe('wrong-form');
  });

  it('compares where the key is defined, skipping points outside its domain', () => {
    expect(checkExpression(key('sqrt(x)', 'any', { x: [-1, 4] }), 'x^(1/2)').verdict).toBe('correct');
    expect(checkExpression(key('log(x)', 'any', { x: [-2, 2] }), 'ln(x)').verdict).toBe('correct');
  });

  it('converts the common LaTeX subset', () => {
    expect(latexToMathjs('\\frac{1}{2}x^{2}')).toBe('((1)/(2))x^(2)');
    expect(latexToMathjs('\\sin^2(x)')).toBe('sin(x)^2');
    expect(() => latexToMathjs('\\frac{1}{2')).toThrow();
  });
});
