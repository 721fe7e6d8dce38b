import { describe, expect, it } from 'vitest';
import { isRebalancing, officeShare, stationFillShare } from './bike-tide';

describe('officeShare', () => {
  it('is the night share before the morning ramp and the day share at 10:00 on a weekday', () => {
    expect(officeShare(360, false)).toBe(0.08);
    expect(officeShare(600, false)).toBe(0.75);
  });

  it('is back to the night share at 05:00 after the rebalancing', () => {
    expect(officeShare(299.9, false)).toBeCloseTo(0.08, 2);
  });

  it('swings less on a weekend', () => {
    expect(officeShare(600, true)).toBe(0.3);
  });
});

describe('stationFillShare', () => {
  it('empties residential stations and fills office ones at 10:00', () => {
    expect(stationFillShare('residential', 600, false)).toBeCloseTo(0.12, 6);
    expect(stationFillShare('office', 600, false)).toBeCloseTo(0.93, 6);
  });
});

describe('isRebalancing', () => {
  it('holds from 22:00 to 05:00 only', () => {
    expect([isRebalancing(1330), isRebalancing(200), isRebalancing(600)]).toEqual([true, true, false]);
  });
});
