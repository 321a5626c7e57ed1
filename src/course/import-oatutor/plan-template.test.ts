import { evaluate } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { planTemplate, variablesUsed } from './plan-template.js';

describe('planTemplate', () => {
  it('keeps paired variables paired: a constraint admits exactly OATutor\'s variants', () => {
    const result = planTemplate({ b: ['4', '9', '16'], ans: ['2', '3', '4'] }, ['ans', 'b']);
    if (!result.ok) throw new Error(result.reason);
    expect(result.plan.variables).toEqual({ ans: { choices: [2, 3, 4] }, b: { choices: [4, 9, 16] } });
    const admitted = (ans: number, b: number) => result.plan.constraints.every((c) => evaluate(c, { ans, b }) === true);
    expect(admitted(3, 9)).toBe(true);
    expect(admitted(3, 16)).toBe(false);
  });

  it('needs no constraint for a single variable or for variables that vary independently', () => {
    const single = planTemplate({ n: ['2', '3', '5', '10'], unused: ['a'] }, ['n']);
    expect(single.ok && single.plan).toEqual({ variables: { n: { choices: [2, 3, 5, 10] } }, constraints: [], variants: [{ n: 2 }, { n: 3 }, { n: 5 }, { n: 10 }] });
    const product = planTemplate({ a: ['1', '1', '2', '2'], b: ['5', '6', '5', '6'] }, ['a', 'b']);
    expect(product.ok && product.plan.constraints).toEqual([]);
  });

  it('cycles a shorter list the way OATutor picks one index for all variables', () => {
    const result = planTemplate({ b: ['2', '3', '4', '5'], k: ['7'] }, ['b', 'k']);
    expect(result.ok && result.plan.variants).toEqual([{ b: 2, k: 7 }, { b: 3, k: 7 }, { b: 4, k: 7 }, { b: 5, k: 7 }]);
  });

  it('compares text values with equalText', () => {
    const result = planTemplate({ b: ['2', '3'], root: ['square', 'cube'] }, ['b', 'root']);
    if (!result.ok) throw new Error(result.reason);
    expect(evaluate(result.plan.constraints[0]!, { b: 3, root: 'cube' })).toBe(true);
    expect(evaluate(result.plan.constraints[0]!, { b: 3, root: 'square' })).toBe(false);
  });

  it('refuses variables with no values, and pairings too sparse for random draws (keeping the variants)', () => {
    expect(planTemplate({}, ['n'])).toMatchObject({ ok: false, reason: expect.stringMatching(/no values/) });
    const sparse = planTemplate({ a: ['1', '2', '3', '4', '5'], b: ['1', '2', '3', '4', '5'], c: ['1', '2', '3', '4', '5'] }, ['a', 'b', 'c']);
    expect(sparse).toMatchObject({ ok: false, reason: expect.stringMatching(/5 of 125 combinations/) });
    expect(!sparse.ok && sparse.variants?.[0]).toEqual({ a: 1, b: 1, c: 1 });
  });

  it('finds the variables a text uses', () => {
    expect(variablesUsed(['Evaluate $$\\log_{@{b}}\\left({@{b}}^{@{k}}\\right)$$', '@{ k }'])).toEqual(['b', 'k']);
  });
});
