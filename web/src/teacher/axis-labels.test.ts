import { describe, expect, it } from 'vitest';
import { countTicks, labelMargin, truncateLabel } from './axis-labels.ts';

describe('axis labels', () => {
  it('cut long labels with an ellipsis and leave short ones alone', () => {
    expect(truncateLabel('limit-of-difference-quotient', 10)).toBe('limit-of-…');
    expect(truncateLabel('chain', 10)).toBe('chain');
  });

  it('never take more than their share of a narrow chart', () => {
    expect(labelMargin(['a very long exercise identifier indeed'], 300)).toBe(120);
    expect(labelMargin(['short'], 1000)).toBeLessThan(60);
  });

  it('label an axis of counts with whole numbers only, at most about eight of them', () => {
    expect(countTicks(0)).toEqual([0]);
    expect(countTicks(1)).toEqual([0, 1]); // not 0.2, 0.4, … "times seen"
    expect(countTicks(8)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(countTicks(20)).toEqual([0, 3, 6, 9, 12, 15, 18]);
  });
});
