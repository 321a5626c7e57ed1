import { describe, expect, it } from 'vitest';
import { costSeries, costTotals, masteredPairs, masteryCells, stuckBars } from './dashboard-data.ts';

describe('dashboard data', () => {
  it('makes one heatmap cell per learner and skill, telling apart learners with the same name and keeping skills without answers apart', () => {
    const cells = masteryCells({
      learners: [{ id: 'l1', name: 'Ana' }, { id: 'l2', name: 'Ana' }],
      skills: [{ id: 's1', title: 'Derivatives' }, { id: 's2', title: 'Chain rule' }],
      mastery: [[0.2, 1.3], [0.9, null]],
      masteryThreshold: 0.95,
    });
    expect(cells).toEqual([
      { learner: 'Ana', skill: 'Derivatives', mastery: 0.2 },
      { learner: 'Ana', skill: 'Chain rule', mastery: 1 },
      { learner: 'Ana (2)', skill: 'Derivatives', mastery: 0.9 },
      { learner: 'Ana (2)', skill: 'Chain rule', mastery: null },
    ]);
  });

  it("counts the pairs mastered at the course's own threshold, not at the default", () => {
    const heatmap = { learners: [{ id: 'l1', name: 'Ana' }, { id: 'l2', name: 'Ben' }], skills: [{ id: 's1', title: 'Derivatives' }], mastery: [[0.85], [0.7]] };
    expect(masteredPairs({ ...heatmap, masteryThreshold: 0.8 })).toBe(1);
    expect(masteredPairs({ ...heatmap, masteryThreshold: 0.95 })).toBe(0);
  });

  it('puts the exercise where learners struggle most on top', () => {
    const bars = stuckBars([
      { exercise: 'easy', failedAttempts: 1, unreadable: 0, hints: 0, learners: 1 },
      { exercise: 'hard', failedAttempts: 2, unreadable: 3, hints: 1, learners: 2 },
    ]);
    expect(bars.map((bar) => `${bar.exercise}:${bar.kind}:${bar.count}`)).toEqual(['hard:failedAttempts:2', 'hard:unreadable:3', 'hard:hints:1', 'easy:failedAttempts:1', 'easy:unreadable:0', 'easy:hints:0']);
  });

  it('sums model cost per day and per task and tier', () => {
    const rows = [
      { day: '2025-01-02', task: 'tutor', tier: 'local', calls: 3, costUsd: 0, inputTokens: 300, outputTokens: 90 },
      { day: '2025-01-01T00:00:00Z', task: 'tutor', tier: 'frontier', calls: 1, costUsd: 0.02, inputTokens: 100, outputTokens: 40 },
      { day: '2025-01-02', task: 'tutor', tier: 'frontier', calls: 2, costUsd: 0.05, inputTokens: 200, outputTokens: 80 },
    ];
    expect(costSeries(rows).map((row) => `${row.day} ${row.series} ${row.calls}`)).toEqual([
      '2025-01-01 tutor · frontier 1',
      '2025-01-02 tutor · frontier 2',
      '2025-01-02 tutor · local 3',
    ]);
    const [top] = costTotals(rows);
    expect(top).toMatchObject({ task: 'tutor', tier: 'frontier', calls: 3, inputTokens: 300 });
    expect(top?.costUsd).toBeCloseTo(0.07);
  });
});
