import { describe, expect, it } from 'vitest';
import type { ExerciseKey, PublicExercise } from '../course/index.js';
import { checkTemplates } from './check-templates.js';
import { learnerVariantSeed, renderVariant } from './render-variant.js';
import { variantSeed } from './seeded-random.js';

const base = { file: 'exercises/practice.yaml', line: 12, skills: ['rules'], difficulty: 2, hints: [], hintCount: 0, revealingHintRungs: [], minAttempts: 0, hasExplanation: false };
const numeric = (prompt: string): PublicExercise => ({ ...base, id: 'quotient', type: 'numeric', prompt, template: { variables: ['a', 'b'] } });
const numericKey = (solution: string, constraints: string[] = [], variables: Record<string, { min: number; max: number; step: number }> = { a: { min: 1, max: 9, step: 1 }, b: { min: 0, max: 5, step: 1 } }): ExerciseKey => ({
  type: 'numeric',
  template: { variables, constraints, solution },
  mistakes: [],
  revealingHints: [],
});
function templateOf(key: ExerciseKey) {
  if (!('template' in key) || !key.template) throw new Error('not a template exercise');
  return key.template;
}

describe('renderVariant', () => {
  it('gives the same variant for the same seed and fills the prompt', () => {
    const exercise = numeric('What is {{a}} / {{ b }}?');
    const key = numericKey('a / b', ['b != 0']);
    const seed = variantSeed('learner-1', 'quotient', 2);
    expect(variantSeed('learner-1', 'quotient', 2)).toBe(seed);
    const first = renderVariant(exercise, key, seed);
    expect(renderVariant(exercise, key, seed)).toEqual(first);
    expect(first.prompt).toBe(`What is ${first.variables.a} / ${first.variables.b}?`);
    expect(first.answer).toBeCloseTo(Number(first.variables.a) / Number(first.variables.b));
  });

  it('varies across learners and attempts, and keeps every variant within its constraints and ranges', () => {
    const exercise = numeric('{{a}} / {{b}}');
    const key = numericKey('a / b', ['b != 0', 'a != b']);
    const prompts = new Set<string>();
    for (let attempt = 0; attempt < 50; attempt++) {
      const variant = renderVariant(exercise, key, variantSeed('learner-2', 'quotient', attempt));
      prompts.add(variant.prompt);
      expect(variant.variables.b).not.toBe(0);
      expect(variant.variables.a).not.toBe(variant.variables.b);
      expect(Number(variant.variables.a)).toBeGreaterThanOrEqual(1);
      expect(Number(variant.variables.a)).toBeLessThanOrEqual(9);
    }
    expect(prompts.size).toBeGreaterThan(10);
  });

  it('gives each next variant of a learner new numbers, even when the template has only two', () => {
    const key = numericKey('a', [], { a: { min: 1, max: 2, step: 1 }, b: { min: 0, max: 0, step: 1 } });
    const template = templateOf(key);
    const shown = Array.from({ length: 30 }, (_, variant) => renderVariant(numeric('{{a}}'), key, learnerVariantSeed(template, 'learner-3', 'quotient', variant)).prompt);
    for (let variant = 1; variant < shown.length; variant++) expect(shown[variant]).not.toBe(shown[variant - 1]);
    expect(learnerVariantSeed(template, 'learner-3', 'quotient', 7)).toBe(learnerVariantSeed(template, 'learner-3', 'quotient', 7));
    const single = numericKey('a', [], { a: { min: 4, max: 4, step: 1 }, b: { min: 0, max: 0, step: 1 } });
    expect(renderVariant(numeric('{{a}}'), single, learnerVariantSeed(templateOf(single), 'learner-3', 'quotient', 3)).prompt).toBe('4'); // one variant only: it comes back
  });

  it('steps through decimal ranges without floating-point noise', () => {
    const key = numericKey('a', [], { a: { min: 0.1, max: 0.9, step: 0.1 }, b: { min: 0, max: 0, step: 1 } });
    for (let seed = 0; seed < 30; seed++) {
      const { variables } = renderVariant(numeric('{{a}}'), key, seed);
      expect(String(variables.a)).toMatch(/^0\.\d$/);
    }
  });

  it('substitutes variables into an expression key', () => {
    const exercise: PublicExercise = { ...base, id: 'power', type: 'expression', prompt: 'Differentiate x^{{n}}', variables: ['x'], form: 'any', template: { variables: ['n'] } };
    const key: ExerciseKey = { type: 'expression', answer: 'n*x^(n-1)', variables: { x: [-2, 2] }, form: 'any', template: { variables: { n: { min: 2, max: 6, step: 1 } }, constraints: [], solution: 'n' }, mistakes: [], revealingHints: [] };
    const variant = renderVariant(exercise, key, 3);
    const n = Number(variant.variables.n);
    expect(variant.prompt).toBe(`Differentiate x^${n}`);
    expect(String(variant.answer).replace(/\s/g, '')).toBe(`(${n})*x^((${n})-1)`);
  });
});

describe('checkTemplates', () => {
  it('finds no problem in a sound template over 1,000 seeds', () => {
    expect(checkTemplates(numeric('{{a}}/{{b}}'), numericKey('a / b', ['b != 0']), { seeds: 1000 })).toEqual([]);
  });

  it('reports Infinity from a division by a variable that can be 0, with the seed and the values', () => {
    const problems = checkTemplates(numeric('{{a}}/{{b}}'), numericKey('a / b'), { seeds: 1000 });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/Infinity with a = \d, b = 0/);
    expect(problems[0]?.count).toBeGreaterThan(50);
    expect(problems[0]?.hint).toContain('constraint');
  });

  it('reports NaN, a throwing solution, and constraints nothing meets', () => {
    expect(checkTemplates(numeric(''), numericKey('(a - a) / (b - b)', ['b == b']))[0]?.message).toContain('NaN');
    expect(checkTemplates(numeric(''), numericKey('c + 1'))[0]?.message).toMatch(/solution fails .*Undefined symbol c/);
    expect(checkTemplates(numeric(''), numericKey('a', ['a > 100']), { seeds: 100 })[0]?.message).toContain('no draw of the variables met every constraint');
    expect(checkTemplates(numeric(''), numericKey('"text"'))[0]?.message).toContain('not a number');
  });

  it('reports a variant whose own answer its checker rejects', () => {
    const exercise: PublicExercise = { ...base, id: 'root', type: 'expression', prompt: '', variables: ['x'], form: 'any', template: { variables: ['n'] } };
    const key: ExerciseKey = { type: 'expression', variables: { x: [-2, -1] }, form: 'any', template: { variables: { n: { min: 1, max: 3, step: 1 } }, constraints: [], solution: 'concat("sqrt(x)*", string(n))' }, mistakes: [], revealingHints: [] };
    const problems = checkTemplates(exercise, key, { seeds: 50 });
    expect(problems[0]?.message).toContain('not accepted by its own checker');
    expect(problems[0]?.count).toBe(50);
  });
});
