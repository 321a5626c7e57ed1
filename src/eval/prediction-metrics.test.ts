import { describe, expect, it } from 'vitest';
import { areaUnderRoc, predictionMetrics } from './prediction-metrics.js';
import { seededRandom as createSeededRandom } from '../exercise/index.js';

function pairwiseAuc(predictions: number[], outcomes: number[]): number {
  let wins = 0;
  let pairs = 0;
  predictions.forEach((p, i) => predictions.forEach((q, j) => {
    if (outcomes[i] === 1 && outcomes[j] === 0) {
      pairs++;
      wins += p > q ? 1 : p === q ? 0.5 : 0;
    }
  }));
  return wins / pairs;
}

describe('areaUnderRoc', () => {
  it('counts ties as one half', () => {
    expect(areaUnderRoc([0.5, 0.5], [0, 1])).toBe(0.5);
    expect(areaUnderRoc([0.2, 0.8, 0.5], [0, 1, 1])).toBe(1);
    expect(areaUnderRoc([0.9, 0.1], [0, 1])).toBe(0);
    expect(areaUnderRoc([0.3, 0.4], [1, 1])).toBeNaN();
  });

  it('equals the pairwise definition on data with many ties', () => {
    const random = createSeededRandom(5);
    const predictions = Array.from({ length: 300 }, () => Math.round(random() * 10) / 10);
    const outcomes = predictions.map((p) => (random() < p ? 1 : 0));
    expect(areaUnderRoc(predictions, outcomes)).toBeCloseTo(pairwiseAuc(predictions, outcomes), 12);
  });
});

describe('predictionMetrics', () => {
  it('computes RMSE and accuracy', () => {
    const metrics = predictionMetrics([0.9, 0.2, 0.6, 0.4], [1, 0, 0, 1]);
    expect(metrics.rmse).toBeCloseTo(Math.sqrt((0.01 + 0.04 + 0.36 + 0.36) / 4), 12);
    expect(metrics.accuracy).toBe(0.5);
    expect(metrics.count).toBe(4);
  });
});
