import { describe, expect, it } from 'vitest';
import { syntheticCourse, type BktParams } from '../learner/index.js';
import { compareProgressions } from './compare-progressions.js';
import { seededRandom as createSeededRandom } from '../exercise/index.js';
import { courseOrder, simulateCourse } from './simulate-course.js';
import { createSimulatedLearner } from './simulated-learner.js';

const course = syntheticCourse({ skills: [{ id: 'a' }, { id: 'b', prerequisites: ['a'] }, { id: 'c', prerequisites: ['a'] }], exercisesPerSkill: 10 });
const base: BktParams = { prior: 0.25, learn: 0.2, guess: 0.2, slip: 0.1, forget: 0 };
const params = { a: base, b: base, c: base };

describe('simulated learners', () => {
  it('answer according to their true parameters', () => {
    const random = createSeededRandom(3);
    const knows = createSimulatedLearner({ truth: { a: { ...base, prior: 1, slip: 0.1 } }, random });
    const guesses = createSimulatedLearner({ truth: { a: { ...base, prior: 0, learn: 0, guess: 0.2 } }, random });
    const confused = createSimulatedLearner({ truth: { a: { ...base, prior: 0, learn: 0, guess: 0.2 } }, misconceptions: ['a'], random });
    const rate = (answer: () => boolean) => Array.from({ length: 2000 }, answer).filter(Boolean).length / 2000;
    expect(rate(() => knows.answer(['a']))).toBeCloseTo(0.9, 1);
    expect(rate(() => guesses.answer(['a']))).toBeCloseTo(0.2, 1);
    expect(rate(() => confused.answer(['a']))).toBe(0);
  });

  it('the fixed sequence gives every exercise once, in course order, after its lesson', () => {
    const steps = courseOrder(course);
    expect(steps.filter((step) => step.exercise)).toHaveLength(30);
    expect(steps.slice(0, 3).map((step) => step.lesson ?? step.exercise!.id)).toEqual(['a-lesson', 'a-1', 'a-2']);
    const run = simulateCourse({ course, mode: 'fixed', seed: 1, model: { params }, learner: createSimulatedLearner({ truth: params, random: createSeededRandom(1) }) });
    expect(run.items).toBe(30);
  });

  it('the adaptive policy reaches mastery in fewer items than the fixed sequence, rarely declaring it falsely', () => {
    const result = compareProgressions({ course, params, learners: 40, seed: 2 });
    expect(result.adaptive.finishedRate).toBe(1);
    expect(result.adaptive.itemsPerSkill).toBeLessThan(result.fixed.itemsPerSkill * 0.8);
    expect(result.adaptive.falseMasteryRate).toBeLessThanOrEqual(0.1);
    expect(result.adaptive.trueMasteryAtEnd).toBeGreaterThan(0.85);
  });

  it('is reproducible for a seed', () => {
    const once = compareProgressions({ course, params, learners: 5, seed: 9, misconceptionRate: 0.3 });
    expect(compareProgressions({ course, params, learners: 5, seed: 9, misconceptionRate: 0.3 })).toEqual(once);
  });
});
