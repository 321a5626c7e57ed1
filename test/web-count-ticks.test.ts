import { describe, expect, it } from 'vitest';
import { countTicks } from '../web/src/teacher/truncate-label.js';

describe('countTicks', () => {
  it('labels an axis of counts with whole numbers only, at most about eight of them', () => {
    expect(countTicks(0)).toEqual([0]);
    expect(countTicks(1)).toEqual([0, 1]); // not 0.2, 0.4, … "times seen"
    expect(countTicks(8)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(countTicks(20)).toEqual([0, 3, 6, 9, 12, 15, 18]);
  });
});
