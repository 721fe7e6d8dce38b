import { describe, expect, it } from 'vitest';
import { congestionLevelForSpeed } from './congestion-level';

// GB/T 33171-2016 speed bands, km/h: an edge value belongs to the slower level.
const EDGE_CASES = [
  // expressway: > 65 | 50 < v <= 65 | 35 < v <= 50 | 20 < v <= 35 | <= 20
  ['expressway', 65.01, 1],
  ['expressway', 65, 2],
  ['expressway', 50.01, 2],
  ['expressway', 50, 3],
  ['expressway', 35.01, 3],
  ['expressway', 35, 4],
  ['expressway', 20.01, 4],
  ['expressway', 20, 5],
  // arterial: > 40 | 30 < v <= 40 | 20 < v <= 30 | 15 < v <= 20 | <= 15
  ['arterial', 40.01, 1],
  ['arterial', 40, 2],
  ['arterial', 30.01, 2],
  ['arterial', 30, 3],
  ['arterial', 20.01, 3],
  ['arterial', 20, 4],
  ['arterial', 15.01, 4],
  ['arterial', 15, 5],
  // secondary and branch: > 35 | 25 < v <= 35 | 15 < v <= 25 | 10 < v <= 15 | <= 10
  ['secondary', 35.01, 1],
  ['secondary', 35, 2],
  ['secondary', 25.01, 2],
  ['secondary', 25, 3],
  ['secondary', 15.01, 3],
  ['secondary', 15, 4],
  ['secondary', 10.01, 4],
  ['secondary', 10, 5],
  ['branch', 35.01, 1],
  ['branch', 35, 2],
  ['branch', 25.01, 2],
  ['branch', 25, 3],
  ['branch', 15.01, 3],
  ['branch', 15, 4],
  ['branch', 10.01, 4],
  ['branch', 10, 5],
] as const;

describe('congestionLevelForSpeed', () => {
  it.each(EDGE_CASES)('%s at %d km/h is level %d', (roadClass, speedKmh, level) => {
    expect(congestionLevelForSpeed(roadClass, speedKmh)).toBe(level);
  });

  it('gives level 5 to a standstill', () => {
    expect(congestionLevelForSpeed('arterial', 0)).toBe(5);
  });

  it('gives level 1 to a speed far above every edge', () => {
    expect(congestionLevelForSpeed('branch', 120)).toBe(1);
  });

  it('rejects a negative speed', () => {
    expect(() => congestionLevelForSpeed('arterial', -1)).toThrow(RangeError);
  });

  it('rejects NaN', () => {
    expect(() => congestionLevelForSpeed('arterial', Number.NaN)).toThrow(/finite/);
  });
});
