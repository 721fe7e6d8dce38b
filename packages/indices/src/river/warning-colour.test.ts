import { describe, expect, it } from 'vitest';
import { blueThresholdM, warningColour } from './warning-colour';

const gauge = { setUpLevelM: 3.4, warningLevelM: 3.8, guaranteedLevelM: 4.3, historicMaxLevelM: 4.75 };

describe('warningColour', () => {
  it.each([
    [3.49, 'none'],
    [3.5, 'blue'],
    [3.79, 'blue'],
    [3.8, 'yellow'],
    [4.29, 'yellow'],
    [4.3, 'orange'],
    [4.74, 'orange'],
    [4.75, 'red'],
    [6, 'red'],
  ] as const)('level %f m is %s (blue from warning - 0.3 m = 3.5 m)', (level, colour) => {
    expect(warningColour(gauge, level)).toBe(colour);
  });

  it('never turns blue below the set-up level when it lies within the margin', () => {
    const high = { ...gauge, setUpLevelM: 3.7 };
    expect(blueThresholdM(high)).toBe(3.7);
    expect(warningColour(high, 3.69)).toBe('none');
    expect(warningColour(high, 3.7)).toBe('blue');
  });

  it('takes a custom near-warning margin', () => {
    expect(warningColour(gauge, 3.65, { nearWarningM: 0.1 })).toBe('none');
    expect(warningColour(gauge, 3.7, { nearWarningM: 0.1 })).toBe('blue');
  });

  it('is none without a reading (NaN)', () => {
    expect(warningColour(gauge, Number.NaN)).toBe('none');
  });

  it('rejects a negative margin', () => {
    expect(() => warningColour(gauge, 3, { nearWarningM: -1 })).toThrow(RangeError);
  });
});
