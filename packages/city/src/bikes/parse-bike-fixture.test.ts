import { describe, expect, it } from 'vitest';
import { parseBikeFixture } from './parse-bike-fixture';

const station = (id: string, capacity: unknown) => ({
  type: 'Feature',
  properties: { id, nameZh: id, nameEn: id, capacity, use: 'office', districtId: 'd' },
  geometry: { type: 'Point', coordinates: [120.1, 30.2] },
});
const collection = (features: unknown[]) => ({ type: 'FeatureCollection', features });

describe('parseBikeFixture', () => {
  it('reads stations and lists a duplicate id and a bad capacity by index', () => {
    const { fixture, rejected } = parseBikeFixture({
      stations: collection([station('a', 20), station('a', 20), station('b', 0)]),
      zones: collection([]),
      operators: { operators: [] },
    });
    expect(fixture.stations.map((s) => s.id)).toEqual(['a']);
    expect(rejected).toEqual([
      { file: 'stations', index: 1, reason: 'duplicate id a' },
      { file: 'stations', index: 2, reason: 'capacity must be > 0' },
    ]);
  });

  it('refuses a parking fence without a capacity', () => {
    const zone = {
      type: 'Feature',
      properties: { id: 'z', nameZh: 'z', nameEn: 'z', kind: 'parking', use: 'office' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [120, 30],
            [120.1, 30],
            [120.1, 30.1],
            [120, 30],
          ],
        ],
      },
    };
    const { rejected } = parseBikeFixture({
      stations: collection([]),
      zones: collection([zone]),
      operators: {},
    });
    expect(rejected[0]!.reason).toMatch(/capacity/);
  });
});
