import { describe, expect, it } from 'vitest';
import { attemptEvidence } from './attempt-evidence.js';
import { masteryPosterior, probabilityCorrect, updateMastery, type BktParams } from './bkt.js';

const params: BktParams = { prior: 0.3, learn: 0.15, guess: 0.2, slip: 0.1, forget: 0 };

describe('BKT updates', () => {
  it('matches hand-computed values on a crafted sequence', () => {
    // correct: posterior = .3·.9 / (.3·.9 + .7·.2) = .27/.41; then + (1 − posterior)·.15
    const afterCorrect = updateMastery(0.3, { correct: true }, params);
    expect(afterCorrect).toBeCloseTo(0.27 / 0.41 + (1 - 0.27 / 0.41) * 0.15, 12);
    expect(afterCorrect).toBeCloseTo(0.709756, 5);
    // incorrect from there: posterior = m·.1 / (m·.1 + (1 − m)·.8)
    const m = afterCorrect;
    const posterior = (m * 0.1) / (m * 0.1 + (1 - m) * 0.8);
    expect(updateMastery(m, { correct: false }, params)).toBeCloseTo(posterior + (1 - posterior) * 0.15, 12);
    expect(updateMastery(m, { correct: false }, params)).toBeCloseTo(0.3490, 3);
  });

  it('predicts correctness from mastery, guess and slip', () => {
    expect(probabilityCorrect(0.3, params)).toBeCloseTo(0.3 * 0.9 + 0.7 * 0.2, 12);
  });

  it('applies forgetting between opportunities', () => {
    const withForget = { ...params, forget: 0.1 };
    const posterior = masteryPosterior(0.3, { correct: true }, withForget);
    expect(updateMastery(0.3, { correct: true }, withForget)).toBeCloseTo(posterior * 0.9 + (1 - posterior) * 0.15, 12);
  });

  it('gives partial evidence a proportionally smaller update', () => {
    const full = masteryPosterior(0.3, { correct: true, weight: 1 }, params);
    const half = masteryPosterior(0.3, { correct: true, weight: 0.5 }, params);
    expect(half).toBeCloseTo(0.3 + (full - 0.3) / 2, 12);
    expect(masteryPosterior(0.3, { correct: true, weight: 0 }, params)).toBe(0.3);
  });
});

describe('attempt evidence', () => {
  it('counts a correct answer after a revealing hint as incorrect', () => {
    expect(attemptEvidence({ verdict: 'correct', hintsUsed: 3, revealed: true })).toEqual({ correct: false, weight: 1 });
  });
  it('lowers the evidence of a correct answer by the hints seen', () => {
    expect(attemptEvidence({ verdict: 'correct', hintsUsed: 0, revealed: false })).toEqual({ correct: true, weight: 1 });
    expect(attemptEvidence({ verdict: 'correct', hintsUsed: 1, revealed: false })).toEqual({ correct: true, weight: 0.5 });
    const helped = updateMastery(0.3, attemptEvidence({ verdict: 'correct', hintsUsed: 2, revealed: false })!, params);
    expect(helped).toBeLessThan(updateMastery(0.3, { correct: true }, params));
    expect(helped).toBeGreaterThan(updateMastery(0.3, { correct: true, weight: 0 }, params));
  });
  it('keeps a wrong answer as full evidence and ignores an unparseable one', () => {
    expect(attemptEvidence({ verdict: 'incorrect', hintsUsed: 2, revealed: false })).toEqual({ correct: false, weight: 1 });
    expect(attemptEvidence({ verdict: 'unparseable', hintsUsed: 0, revealed: false })).toBeUndefined();
  });
});
