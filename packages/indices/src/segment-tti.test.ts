import { describe, expect, it } from 'vitest';
import { MAX_SEGMENT_TTI, segmentTti } from './segment-tti';

describe('segmentTti', () => {
  it('is free-flow speed over speed', () => {
    expect(segmentTti(60, 40)).toBe(1.5);
  });

  it('is exactly 1 at free-flow speed', () => {
    expect(segmentTti(60, 60)).toBe(1);
  });

  it('clamps to 1 when faster than free flow', () => {
    expect(segmentTti(60, 90)).toBe(1);
  });

  it('reaches the cap exactly at a tenth of free-flow speed', () => {
    expect(segmentTti(60, 6)).toBe(10);
  });

  it('caps below a tenth of free-flow speed', () => {
    expect(segmentTti(60, 5)).toBe(MAX_SEGMENT_TTI);
  });

  it('caps a standstill instead of returning Infinity', () => {
    expect(segmentTti(60, 0)).toBe(10);
  });

  it('rejects a zero free-flow speed', () => {
    expect(() => segmentTti(0, 10)).toThrow(RangeError);
  });

  it('rejects a negative speed', () => {
    expect(() => segmentTti(60, -1)).toThrow(RangeError);
  });
});
