import type { BikeCityFixture, BikeFixtureZone } from '@cbo/city';
import type { LngLat } from '@cbo/contracts';
import { describe, expect, it } from 'vitest';
import { createBikeSim } from './create-bike-sim';
import { buildSimGbfsDocument } from './sim-gbfs-feed';

const box = (at: LngLat, d: number): LngLat[][][] => [
  [
    [
      [at[0] - d, at[1] - d],
      [at[0] + d, at[1] - d],
      [at[0] + d, at[1] + d],
      [at[0] - d, at[1] + d],
      [at[0] - d, at[1] - d],
    ],
  ],
];
const zone = (id: string, kind: 'parking' | 'no-parking', at: LngLat): BikeFixtureZone => ({
  id,
  kind,
  nameZh: id,
  nameEn: id,
  capacity: kind === 'parking' ? 20 : null,
  districtId: 'd',
  polygons: box(at, 0.0003),
  feedId: null,
  use: 'office',
});
const station = (id: string, use: 'residential' | 'office', at: LngLat) => ({
  id,
  nameZh: id,
  nameEn: id,
  position: at,
  capacity: 30,
  use,
  districtId: 'd',
});
const FIXTURE: BikeCityFixture = {
  stations: [station('home', 'residential', [120.1, 30.3]), station('work', 'office', [120.2, 30.25])],
  zones: [zone('fence', 'parking', [120.201, 30.251]), zone('nopark', 'no-parking', [120.15, 30.27])],
  operators: [
    {
      id: 'a',
      nameZh: 'A',
      nameEn: 'A',
      dockless: true,
      quota: 100,
      permitsIssued: true,
      permitPrefix: 'P-',
      unitId: null,
      fleetShare: 1,
      unpermittedShare: 0.1,
    },
  ],
};
// 2026-01-14 is a Wednesday; Hangzhou local time = UTC + 8 h.
const localAt = (hour: number, minute = 0): number => Date.UTC(2026, 0, 14, hour - 8, minute);
const sim = () => createBikeSim({ fixture: FIXTURE, fleetSize: 2000, seed: 7, utcOffsetMinutes: 480 });
const count = (states: Uint8Array, code: number): number => states.filter((s) => s === code).length;

describe('createBikeSim', () => {
  it('gives the same bikes for the same seed and time', () => {
    const [a, b] = [sim().vehiclesAt(localAt(8)), sim().vehiclesAt(localAt(8))];
    expect(Array.from(a.lng)).toEqual(Array.from(b.lng));
  });

  it('rides more bikes at 08:00 on a weekday than at 03:00', () => {
    const s = sim();
    expect(count(s.vehiclesAt(localAt(8)).state, 1)).toBeGreaterThan(
      5 * count(s.vehiclesAt(localAt(3)).state, 1),
    );
  });

  it('deploys about the operator share of bikes without a permit', () => {
    const missing = sim().permitIds.filter((p) => p === null).length;
    expect(missing).toBeGreaterThan(140);
    expect(missing).toBeLessThan(260);
  });

  it('empties the residential station and fills the office one between 05:00 and 10:00', () => {
    const s = sim();
    const [early, late] = [s.stationStatusAt(localAt(5)), s.stationStatusAt(localAt(10))];
    expect(late[0]!.bikesAvailable).toBeLessThan(early[0]!.bikesAvailable);
    expect(late[1]!.bikesAvailable).toBeGreaterThan(early[1]!.bikesAvailable);
  });

  it('leaves some parked bikes inside the no-parking zone', () => {
    const v = sim().vehiclesAt(localAt(12));
    let inside = 0;
    for (let i = 0; i < v.lng.length; i++)
      if (Math.abs(v.lng[i]! - 120.15) < 0.0003 && Math.abs(v.lat[i]! - 30.27) < 0.0003) inside++;
    expect(inside).toBeGreaterThan(0);
  });
});

describe('buildSimGbfsDocument', () => {
  it("lists every one of the operator's bikes in vehicle_status with the permit extension", () => {
    const s = sim();
    const doc = buildSimGbfsDocument(s, FIXTURE, {
      systemId: 'a',
      file: 'vehicle_status',
      at: localAt(8),
      baseUrl: 'http://x/',
    }) as { version: string; data: { vehicles: { _cbo_permit_id: string | null }[] } };
    expect(doc.version).toBe('3.0');
    expect(doc.data.vehicles).toHaveLength(2000);
  });

  it('answers null for a file the system does not publish', () => {
    expect(
      buildSimGbfsDocument(sim(), FIXTURE, { systemId: 'a', file: 'station_status', at: 0, baseUrl: '' }),
    ).toBeNull();
  });
});
