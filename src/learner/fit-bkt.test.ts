import { describe, expect, it } from 'vitest';
import type { BktParams } from './bkt.js';
import { fitBkt, type SkillSequences } from './fit-bkt.js';

function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function simulate(truth: BktParams, learners: number, length: number, seed: number): SkillSequences {
  const random = seededRandom(seed);
  const observations = new Uint8Array(learners * length);
  const starts = new Int32Array(learners + 1);
  for (let learner = 0; learner < learners; learner++) {
    starts[learner] = learner * length;
    let known = random() < truth.prior;
    for (let t = 0; t < length; t++) {
      observations[learner * length + t] = (known ? random() >= truth.slip : random() < truth.guess) ? 1 : 0;
      known = known ? random() >= truth.forget : random() < truth.learn;
    }
  }
  starts[learners] = learners * length;
  return { observations, starts };
}

describe('fitBkt (EM)', () => {
  it('recovers known parameters within ±0.05 from 500 simulated learners', () => {
    const truth: BktParams = { prior: 0.35, learn: 0.2, guess: 0.15, slip: 0.1, forget: 0 };
    const { params } = fitBkt(simulate(truth, 500, 20, 42));
    for (const key of ['prior', 'learn', 'guess', 'slip'] as const) expect(Math.abs(params[key] - truth[key]), key).toBeLessThanOrEqual(0.05);
    expect(params.forget).toBe(0);
  });

  it('recovers forgetting when asked to fit it', () => {
    const truth: BktParams = { prior: 0.3, learn: 0.25, guess: 0.2, slip: 0.08, forget: 0.05 };
    const { params } = fitBkt(simulate(truth, 500, 30, 7), { forgets: true });
    for (const key of ['prior', 'learn', 'guess', 'slip', 'forget'] as const) expect(Math.abs(params[key] - truth[key]), key).toBeLessThanOrEqual(0.05);
  });

  it('keeps guess and slip within their bounds', () => {
    const truth: BktParams = { prior: 0.5, learn: 0.1, guess: 0.45, slip: 0.4, forget: 0 };
    const { params } = fitBkt(simulate(truth, 200, 10, 3), { maxGuess: 0.3, maxSlip: 0.3 });
    expect(params.guess).toBeLessThanOrEqual(0.3);
    expect(params.slip).toBeLessThanOrEqual(0.3);
  });
});
