import { describe, expect, it } from 'vitest';
import type { ExerciseKey, PublicExercise } from '../course/index.js';
import { checkAnswer } from './check-answer.js';

const base = { file: 'exercises/practice.yaml', line: 4, skills: ['rules'], prompt: 'Q', difficulty: 2, hints: [], hintCount: 0, revealingHintRungs: [], minAttempts: 0, hasExplanation: false };
const keyBase = { mistakes: [], revealingHints: [] };

const derivative: PublicExercise = { ...base, id: 'derivative', type: 'expression', variables: ['x'], form: 'any' };
const derivativeKey: ExerciseKey = {
  ...keyBase,
  type: 'expression',
  answer: '2*x*cos(x^2)',
  variables: { x: [-2, 2] },
  form: 'any',
  mistakes: [{ answer: 'cos(x^2)', feedback: 'Differentiate the inside too.', misconception: 'forgot-inner-derivative' }],
};

describe('checkAnswer', () => {
  it('recognises a common mistake written in another form and returns its feedback and misconception', async () => {
    const verdict = await checkAnswer({ exercise: derivative, key: derivativeKey, answer: '\\cos\\left(x^{2}\\right)' });
    expect(verdict).toMatchObject({ verdict: 'incorrect', feedback: 'Differentiate the inside too.', misconception: 'forgot-inner-derivative' });
    const other = await checkAnswer({ exercise: derivative, key: derivativeKey, answer: 'sin(x^2)' });
    expect(other.verdict).toBe('incorrect');
    expect(other.misconception).toBeUndefined();
  });

  it('never puts the key in a verdict', async () => {
    const answers = ['cos(x^2)', '', 'y', '2x cos(x^2)', 'sin(x)'];
    for (const answer of answers) {
      const verdict = await checkAnswer({ exercise: derivative, key: derivativeKey, answer });
      expect(JSON.stringify(verdict)).not.toMatch(/2\*x\*cos|2 \* x \* cos/);
    }
  });

  it('judges numeric mistakes with the same tolerance and language', async () => {
    const exercise: PublicExercise = { ...base, id: 'slope', type: 'numeric' };
    const key: ExerciseKey = { ...keyBase, type: 'numeric', answer: 0.25, tolerance: { absolute: 0.001 }, mistakes: [{ answer: 4, feedback: 'Rise over run, not run over rise.', misconception: 'inverted-slope' }] };
    expect((await checkAnswer({ exercise, key, answer: '0,25', language: 'de' })).verdict).toBe('correct');
    expect(await checkAnswer({ exercise, key, answer: '4,0004', language: 'de' })).toMatchObject({ verdict: 'incorrect', misconception: 'inverted-slope' });
  });

  it('matches choice and text mistakes', async () => {
    const choice: PublicExercise = { ...base, id: 'pick', type: 'choice', multiple: false, choices: [{ id: 'a', text: '0' }, { id: 'b', text: '1' }] };
    const choiceKey: ExerciseKey = { ...keyBase, type: 'choice', correct: ['b'], mistakes: [{ answer: 'a', feedback: 'The slope of a constant is 0, but this is x.', misconception: 'constant-rule' }] };
    expect(await checkAnswer({ exercise: choice, key: choiceKey, answer: '0' })).toMatchObject({ verdict: 'incorrect', misconception: 'constant-rule' });
    const text: PublicExercise = { ...base, id: 'name', type: 'text' };
    const textKey: ExerciseKey = { ...keyBase, type: 'text', accept: ['chain rule'], patterns: [], caseSensitive: false, ignoreDiacritics: true, mistakes: [{ answer: 'product rule', feedback: 'Is it a product, or a function of a function?', misconception: 'rule-confusion' }] };
    expect(await checkAnswer({ exercise: text, key: textKey, answer: 'The product rule' })).toMatchObject({ verdict: 'incorrect' });
    expect(await checkAnswer({ exercise: text, key: textKey, answer: 'Product Rule!' })).toMatchObject({ verdict: 'incorrect', misconception: 'rule-confusion' });
  });

  it('judges a template variant by its own solution and its mistakes as expressions over the variables', async () => {
    const exercise: PublicExercise = { ...base, id: 'power', type: 'numeric', prompt: 'Differentiate {{a}}x^{{n}} at x = 1.', template: { variables: ['a', 'n'] } };
    const key: ExerciseKey = {
      ...keyBase,
      type: 'numeric',
      template: { variables: { a: { min: 2, max: 9, step: 1 }, n: { min: 2, max: 5, step: 1 } }, constraints: [], solution: 'a * n' },
      mistakes: [{ answer: 'a', feedback: 'Bring the power down.', misconception: 'dropped-exponent' }],
    };
    const { renderVariant } = await import('./render-variant.js');
    const variant = renderVariant(exercise, key, 7);
    const a = Number(variant.variables.a);
    const n = Number(variant.variables.n);
    expect((await checkAnswer({ exercise, key, answer: String(a * n), seed: 7 })).verdict).toBe('correct');
    expect(await checkAnswer({ exercise, key, answer: String(a), seed: 7 })).toMatchObject({ verdict: 'incorrect', misconception: 'dropped-exponent' });
  });

  it('grades free response through a grader and reports points per rubric', async () => {
    const exercise: PublicExercise = { ...base, id: 'explain', type: 'free-response', rubric: [{ criterion: 'Names the chain rule', points: 1 }, { criterion: 'Explains the inner derivative', points: 2 }] };
    const key: ExerciseKey = { ...keyBase, type: 'free-response', reference: 'Use the chain rule; multiply by the inner derivative 2x.' };
    const none = await checkAnswer({ exercise, key, answer: 'chain rule' });
    expect(none).toMatchObject({ verdict: 'unparseable', reason: 'needs-grader', message: 'This answer is graded against a rubric, and no grader is available right now.' });
    const grader = async () => ({ criteria: [{ criterion: 'Names the chain rule', awarded: 1 }, { criterion: 'Explains the inner derivative', awarded: 5 }] });
    expect(await checkAnswer({ exercise, key, answer: 'chain rule', grader })).toMatchObject({ verdict: 'correct', message: 'Rubric score: 3/3' });
    const partial = async () => ({ criteria: [{ criterion: 'Names the chain rule', awarded: 1 }] });
    expect(await checkAnswer({ exercise, key, answer: 'chain rule', grader: partial })).toMatchObject({ verdict: 'partially-correct', message: 'Rubric score: 1/3' });
  });
});
