import { describe, expect, it } from 'vitest';
import {
  ProblemCollector,
  readStationStatus,
  readVehicles,
  readNoParkingZones,
  type GbfsDocument,
} from './gbfs-normalise';

const AT = 1_725_919_320_000;
const station = (id: string, bikes: number, docks: number): Record<string, unknown> => ({
  station_id: id,
  num_bikes_available: bikes,
  num_docks_available: docks,
  is_installed: true,
  is_renting: true,
  is_returning: true,
  last_reported: AT / 1000,
});
const doc = (data: Record<string, unknown>): GbfsDocument => ({
  last_updated: AT / 1000,
  ttl: 15,
  version: '2.3',
  data,
});
const known = new Map([
  ['a', { capacity: 10 }],
  ['b', { capacity: 10 }],
]);

describe('readStationStatus', () => {
  it('reports a duplicate station and keeps the first', () => {
    const problems = new ProblemCollector('station_status', AT);
    const out = readStationStatus(
      doc({ stations: [station('a', 3, 7), station('a', 9, 1)] }),
      '2.3',
      known,
      problems,
    );
    expect(out.map((s) => s.bikesAvailable)).toEqual([3]);
    expect(problems.list()).toMatchObject([{ kind: 'duplicate', path: '/data/stations/1' }]);
  });

  it('reports a station missing from the station list and leaves it out', () => {
    const problems = new ProblemCollector('station_status', AT);
    const out = readStationStatus(doc({ stations: [station('zz', 3, 7)] }), '2.3', known, problems);
    expect(out).toEqual([]);
    expect(problems.list()[0]).toMatchObject({
      kind: 'unknown-station',
      path: '/data/stations/0/station_id',
    });
  });

  it('reports more bikes and docks than the capacity but keeps the status', () => {
    const problems = new ProblemCollector('station_status', AT);
    const out = readStationStatus(doc({ stations: [station('b', 8, 8)] }), '2.3', known, problems);
    expect(out).toHaveLength(1);
    expect(problems.list()[0]!.kind).toBe('odd-value');
  });
});

describe('readVehicles', () => {
  it('maps is_disabled to faulty, is_reserved to reserved and _cbo_in_use to in-use', () => {
    const bikes = [
      { bike_id: '1', lat: 30, lon: 120, is_reserved: false, is_disabled: true },
      { bike_id: '2', lat: 30, lon: 120, is_reserved: true, is_disabled: false },
      { bike_id: '3', lat: 30, lon: 120, is_reserved: false, is_disabled: false, _cbo_in_use: true },
    ];
    const out = readVehicles(
      doc({ bikes }),
      '2.3',
      () => undefined,
      new ProblemCollector('free_bike_status', AT),
    );
    expect(Array.from(out.state)).toEqual([2, 3, 1]);
  });

  it('places a vehicle without a position at its station, and drops one without either', () => {
    const bikes = [
      { bike_id: '1', station_id: 's', is_reserved: false, is_disabled: false },
      { bike_id: '2', is_reserved: false, is_disabled: false },
    ];
    const problems = new ProblemCollector('free_bike_status', AT);
    const out = readVehicles(
      doc({ bikes }),
      '2.3',
      (id) => (id === 's' ? [120.5, 30.5] : undefined),
      problems,
    );
    expect([out.ids, Array.from(out.lngE6)]).toEqual([['1'], [120_500_000]]);
    expect(problems.list()[0]!.kind).toBe('odd-value');
  });
});

describe('readNoParkingZones', () => {
  it('keeps only 3.0 zones where rides may not end', () => {
    const square = [
      [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 0],
        ],
      ],
    ];
    const feature = (end: boolean) => ({
      type: 'Feature',
      geometry: { type: 'MultiPolygon', coordinates: square },
      properties: {
        rules: [{ ride_start_allowed: true, ride_end_allowed: end, ride_through_allowed: true }],
      },
    });
    const zones = readNoParkingZones(
      {
        ...doc({
          geofencing_zones: { type: 'FeatureCollection', features: [feature(true), feature(false)] },
        }),
        version: '3.0',
      },
      '3.0',
      'f',
    );
    expect(zones.map((z) => z.id)).toEqual(['f:1']);
  });
});
