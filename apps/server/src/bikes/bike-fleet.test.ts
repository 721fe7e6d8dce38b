import { BIKE_FLAG_IN_NO_PARKING, BIKE_FLAG_NO_PERMIT, BIKE_STATE_GONE } from '@cbo/contracts';
import { decodeBikeFrame } from '@cbo/wire';
import { describe, expect, it } from 'vitest';
import { BikeFleet } from './bike-fleet';

const ORIGIN: [number, number] = [120_000_000, 30_000_000];
/** Zone 0 (no-parking) east of 120.1, district 0 everywhere. */
const fleet = (): BikeFleet =>
  new BikeFleet(
    ORIGIN,
    (lng) => ({ district: 0, zone: lng > 120.1 ? 0 : -1 }),
    (zone) => zone === 0,
  );
const bike = (lngE6: number, state = 0, noPermit = false) => ({
  lngE6,
  latE6: 30_000_000,
  state,
  operator: 1,
  noPermit,
  feed: 0,
});

describe('BikeFleet', () => {
  it('puts only the bikes that moved or changed state in the next delta', () => {
    const f = fleet();
    f.upsert('a', bike(120_010_000), 1);
    f.upsert('b', bike(120_020_000), 1);
    f.takeDeltaFrame(0);
    f.upsert('a', bike(120_010_000), 2);
    f.upsert('b', bike(120_020_000, 1), 2);
    const frame = decodeBikeFrame(f.takeDeltaFrame(30_000)!);
    expect([Array.from(frame.indices), Array.from(frame.states)]).toEqual([[1], [1]]);
  });

  it('sends no delta when nothing changed', () => {
    const f = fleet();
    f.upsert('a', bike(120_010_000), 1);
    f.takeDeltaFrame(0);
    f.upsert('a', bike(120_010_000), 2);
    expect(f.takeDeltaFrame(30_000)).toBeNull();
  });

  it('marks a bike that is no longer listed as gone and reuses its slot', () => {
    const f = fleet();
    f.upsert('a', bike(120_010_000), 1);
    f.takeDeltaFrame(0);
    expect(f.removeUnlisted(0, 2)).toBe(1);
    expect(Array.from(decodeBikeFrame(f.takeDeltaFrame(1)!).states)).toEqual([BIKE_STATE_GONE]);
    f.upsert('c', bike(120_010_000), 3);
    expect(f.size).toBe(1);
    expect(f.count).toBe(1);
  });

  it('flags a parked bike without a permit in a no-parking zone', () => {
    const f = fleet();
    f.upsert('a', bike(120_200_000, 0, true), 1);
    const state = decodeBikeFrame(f.snapshotFrame(0)).states[0]!;
    expect(state).toBe(BIKE_FLAG_NO_PERMIT | BIKE_FLAG_IN_NO_PARKING);
  });

  it('keeps snapshot and delta sequence numbers consecutive', () => {
    const f = fleet();
    f.upsert('a', bike(120_010_000), 1);
    const first = decodeBikeFrame(f.takeDeltaFrame(0)!).seq;
    f.upsert('a', bike(120_020_000), 2);
    const snapshot = decodeBikeFrame(f.snapshotFrame(1)).seq;
    expect([snapshot, decodeBikeFrame(f.takeDeltaFrame(2)!).seq]).toEqual([first, first + 1]);
  });
});
