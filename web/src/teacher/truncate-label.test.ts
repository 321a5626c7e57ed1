import { describe, expect, it } from 'vitest';
import { labelMargin, truncateLabel } from './truncate-label.ts';

describe('axis labels', () => {
  it('cut long labels with an ellipsis and leave short ones alone', () => {
    expect(truncateLabel('limit-of-difference-quotient', 10)).toBe('limit-of-…');
    expect(truncateLabel('chain', 10)).toBe('chain');
  });

  it('never take more than their share of a narrow chart', () => {
    expect(labelMargin(['a very long exercise identifier indeed'], 300)).toBe(120);
    expect(labelMargin(['short'], 1000)).toBeLessThan(60);
  });
});
