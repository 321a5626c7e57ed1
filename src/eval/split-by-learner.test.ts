import { describe, expect, it } from 'vitest';
import { parseResponseCsv } from '../learner/index.js';
import { splitByLearner } from './split-by-learner.js';

describe('splitByLearner', () => {
  it('puts each learner wholly on one side, the same way whatever the row order', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `learner-${i % 200},skill-${i % 7},${i % 3 === 0 ? 0 : 1}`);
    const table = parseResponseCsv(['user_id,skill_name,correct', ...rows].join('\n'), 'a.csv').table!;
    const { train, test } = splitByLearner(table, 0.2);
    const users = (side: typeof train) => new Set([...side.users].map((user) => side.userNames[user]));
    const testUsers = users(test);
    expect([...users(train)].some((user) => testUsers.has(user))).toBe(false);
    expect(train.correct.length + test.correct.length).toBe(2000);
    expect(testUsers.size).toBeGreaterThan(20);
    expect(testUsers.size).toBeLessThan(60);

    const reversed = parseResponseCsv(['user_id,skill_name,correct', ...rows.reverse()].join('\n'), 'b.csv').table!;
    expect(users(splitByLearner(reversed, 0.2).test)).toEqual(testUsers);
    expect(test.rows.every((row) => testUsers.has(row.split(',')[0]))).toBe(true);
  });
});

describe('crossValidateByLearner', () => {
  it('predicts every row out of sample, holding out each learner once', async () => {
    const { crossValidateByLearner } = await import('./cross-validate-by-learner.js');
    const { fitBktModel, predictResponses } = await import('../learner/index.js');
    const rows = Array.from({ length: 1500 }, (_, i) => `learner-${i % 50},skill-${i % 3},${(i * 7) % 5 < 3 ? 1 : 0}`);
    const table = parseResponseCsv(['user_id,skill_name,correct', ...rows].join('\n'), 'a.csv').table!;
    const result = crossValidateByLearner(table, 5, {});
    expect(result.folds).toHaveLength(5);
    expect(result.folds.reduce((sum, fold) => sum + fold.count, 0)).toBe(1500);
    expect(result.folds.reduce((sum, fold) => sum + fold.learners, 0)).toBe(50);
    expect(result.pooled.count).toBe(1500);
    // Out of sample differs from in sample: the fold's own rows were not used for its fit.
    const inSample = predictResponses(fitBktModel(table), table);
    expect([...result.predictions]).not.toEqual([...inSample]);
    expect(result.predictions.every((p) => p > 0 && p < 1)).toBe(true);
  });
});
