import { describe, expect, it } from 'vitest';
import type { CityFixture } from './city';
import { buildCity, parseCityFixture } from './build-city';
import { CityFixtureError } from './city-fixture-error';

function tinyFixture(
  roadProps: Record<string, unknown> = {},
  coordinates: unknown = [
    [120.15, 30.25],
    [120.1625, 30.25],
  ],
): CityFixture {
  const square = [
    [
      [120.1, 30.2],
      [120.2, 30.2],
      [120.2, 30.3],
      [120.1, 30.3],
      [120.1, 30.2],
    ],
  ];
  return {
    meta: { id: 'tiny', nameZh: '小城', nameEn: 'Tiny', timeZone: 'Asia/Shanghai' },
    districts: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 'd1', nameZh: '一区', nameEn: 'One' },
          geometry: { type: 'Polygon', coordinates: square },
        },
      ],
    },
    water: { type: 'FeatureCollection', features: [] },
    roads: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {
            id: 'main-rd',
            nameZh: '主路',
            nameEn: 'Main Road',
            roadClass: 'arterial',
            lanes: 2,
            freeFlowKmh: 50,
            ...roadProps,
          },
          geometry: { type: 'LineString', coordinates },
        },
      ],
    },
  };
}

describe('parseCityFixture', () => {
  it('accepts a valid fixture', () => {
    const result = parseCityFixture(tinyFixture());
    expect('city' in result && result.city.segmentCount).toBe(6);
  });

  it('names the feature, property and value of bad lanes', () => {
    const result = parseCityFixture(tinyFixture({ lanes: 0 }));
    expect('errors' in result && result.errors).toEqual([
      'roads.features[0].properties.lanes: expected an integer 1..12 (lanes per direction), got 0',
    ]);
  });

  it('names an unknown road class', () => {
    const result = parseCityFixture(tinyFixture({ roadClass: 'motorway' }));
    expect('errors' in result && result.errors[0]).toContain('roads.features[0].properties.roadClass');
    expect('errors' in result && result.errors[0]).toContain('"motorway"');
  });

  it('names a bad id', () => {
    const result = parseCityFixture(tinyFixture({ id: 'main road' }));
    expect('errors' in result && result.errors[0]).toContain('roads.features[0].properties.id');
  });

  it('names a position that is not [lng, lat]', () => {
    const result = parseCityFixture(
      tinyFixture({}, [
        [120.15, 30.25],
        [120.16, 'x'],
      ]),
    );
    expect('errors' in result && result.errors).toEqual([
      'roads.features[0].geometry.coordinates[1]: expected [lng, lat] numbers, got [120.16,"x"]',
    ]);
  });

  it('rejects a collection that is not a FeatureCollection', () => {
    const result = parseCityFixture({ ...tinyFixture(), water: [] });
    expect('errors' in result && result.errors[0]).toContain('water: expected a GeoJSON FeatureCollection');
  });
});

describe('buildCity', () => {
  it('throws CityFixtureError listing the errors', () => {
    expect(() => buildCity(tinyFixture({ freeFlowKmh: -5 }))).toThrow(CityFixtureError);
    expect(() => buildCity(tinyFixture({ freeFlowKmh: -5 }))).toThrow(/freeFlowKmh.*-5/);
  });

  it('makes no backward segments for a oneway road', () => {
    const city = buildCity(tinyFixture({ oneway: true }));
    expect(city.segments.map((s) => s.id)).toEqual(['main-rd:f:000', 'main-rd:f:001', 'main-rd:f:002']);
  });

  it('links each piece to the previous piece of the same direction only', () => {
    const city = buildCity(tinyFixture());
    const id = (i: number): string => city.segments[i]?.id ?? '';
    const byId = (s: string): number => city.segmentIndexById.get(s) ?? -1;
    expect(city.upstream[byId('main-rd:f:001')]?.map(id)).toEqual(['main-rd:f:000']);
    expect(city.upstream[byId('main-rd:b:000')]).toEqual([]);
  });
});
