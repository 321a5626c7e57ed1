import { describe, expect, it } from 'vitest';
import type { ExerciseKey, PublicExercise } from '../../course/index.js';
import { createSentenceGuard, guardTextStream } from './create-sentence-guard.js';
import { detectLeak } from './detect-leak.js';
import { guardKeyFromExercise } from './guard-key.js';

const base = { file: 'exercises/e.yaml', line: 1, skills: ['s'], difficulty: 1, hints: [], hintCount: 0, revealingHintRungs: [], minAttempts: 1, hasExplanation: false };
const common = { mistakes: [], revealingHints: [] };

const speedExercise: PublicExercise = { ...base, id: 'speed', type: 'numeric', unit: 'm/s', prompt: 'A car covers 120 m in 10 s. What is its speed?' };
const speedKey: ExerciseKey = { ...common, type: 'numeric', answer: 12, tolerance: { absolute: 0.05 }, unit: 'm/s' };

const ruleExercise: PublicExercise = {
  ...base,
  id: 'rule',
  type: 'choice',
  multiple: false,
  prompt: 'Which rule do you need for sin(x^2)?',
  choices: [
    { id: 'product', text: 'The product rule' },
    { id: 'chain', text: 'The chain rule' },
    { id: 'quotient', text: 'The quotient rule' },
  ],
};
const ruleKey: ExerciseKey = { ...common, type: 'choice', correct: ['chain'] };

describe('the sentence guard on a streaming reply', () => {
  it('marks each sentence as it completes, leaks and all, and keeps the text as written', () => {
    const guard = createSentenceGuard(guardKeyFromExercise(speedExercise, speedKey), speedExercise.prompt);
    const out = [
      ...guard.push('Good start. Speed is distance over ti'),
      ...guard.push('me. Here that is 12'),
      ...guard.push('.0 m/s. Does that make sense?'),
      ...guard.end(),
    ];
    expect(out.map((sentence) => [sentence.text, sentence.leak])).toEqual([
      ['Good start.', false],
      [' Speed is distance over time.', false],
      [' Here that is 12.0 m/s.', true],
      [' Does that make sense?', false],
    ]);
    expect(out[2]!.evidence).toContain('key 12 m/s');
  });

  it('guards an async stream of deltas', async () => {
    async function* deltas() {
      yield 'The answer is 43.2';
      yield ' km/h. Check the units.';
    }
    const sentences = [];
    for await (const sentence of guardTextStream(guardKeyFromExercise(speedExercise, speedKey), undefined, deltas())) sentences.push(sentence);
    expect(sentences.map((sentence) => sentence.leak)).toEqual([true, false]); // 43.2 km/h is 12 m/s
  });
});

describe('guard keys from a compiled exercise', () => {
  it('uses the tolerance of the exercise key', () => {
    const key = guardKeyFromExercise(speedExercise, speedKey);
    expect(detectLeak(key, 'It is about 12.04.').leak).toBe(true);
    expect(detectLeak(key, 'It is about 12.1.').leak).toBe(false);
  });

  it('finds the letter and text of the correct choice', () => {
    const key = guardKeyFromExercise(ruleExercise, ruleKey);
    expect(detectLeak(key, 'The answer is (b).').leak).toBe(true);
    expect(detectLeak(key, 'You need the chain rule.').leak).toBe(false); // naming a rule in a hint is not stating the answer
    expect(detectLeak(key, "It's the chain rule.").leak).toBe(true);
    expect(detectLeak(key, 'Compare the product rule, the chain rule and the quotient rule.').leak).toBe(false);
    expect(detectLeak(key, 'Yes, the chain rule is right!', [ruleExercise.prompt, 'the chain rule']).leak).toBe(false);
  });

  it('uses the variant answer of a template exercise', () => {
    const templated: ExerciseKey = { ...common, type: 'numeric', template: { variables: { a: { min: 1, max: 9, step: 1 } }, constraints: [], solution: '2 * a' } };
    expect(detectLeak(guardKeyFromExercise(speedExercise, templated, 14), 'So it is 14.').leak).toBe(true);
    expect(guardKeyFromExercise(speedExercise, templated)).toEqual({ type: 'none' });
  });

  it('guards nothing for a free-response exercise', () => {
    const key = guardKeyFromExercise({ ...base, id: 'why', type: 'free-response', prompt: 'Why?', rubric: [] }, { ...common, type: 'free-response', reference: 'Because the slope is 12.' });
    expect(detectLeak(key, 'Because the slope is 12.').leak).toBe(false);
  });
});
