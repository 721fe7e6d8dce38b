import { describe, expect, it } from 'vitest';
import { CityFixtureError } from '../city-fixture-error';
import { buildRiverNetwork, parseRiverFixture } from './build-river-network';
import type { RiverFixture } from './river-network';

const collection = (features: unknown[]) => ({ type: 'FeatureCollection', features });
const point = (coordinates: [number, number]) => ({ type: 'Point', coordinates });

function gaugeProps(overrides: Record<string, unknown> = {}) {
  return {
    id: 'g1',
    nameZh: '甲',
    nameEn: 'A',
    waterId: 'canal',
    riverNameZh: '河',
    riverNameEn: 'Canal',
    reachId: 'r1',
    datum: 'wusong',
    normalLevelM: 3,
    setUpLevelM: 3.4,
    warningLevelM: 3.8,
    guaranteedLevelM: 4.3,
    historicMaxLevelM: 4.7,
    catchmentKm2: 10,
    ...overrides,
  };
}

function fixture(gauge: Record<string, unknown> = {}, station: Record<string, unknown> = {}): RiverFixture {
  return {
    reaches: collection([
      {
        type: 'Feature',
        properties: {
          id: 'r1',
          nameZh: '段',
          nameEn: 'Reach',
          waterId: 'canal',
          gaugeIds: ['g1'],
          stationIds: ['s1'],
          cameraIds: ['c1'],
        },
        geometry: {
          type: 'LineString',
          coordinates: [
            [120.0, 30.0],
            [120.01, 30.0],
          ],
        },
      },
      {
        type: 'Feature',
        properties: {
          id: 'lake',
          nameZh: '湖',
          nameEn: 'Lake',
          waterId: 'canal',
          gaugeIds: [],
          stationIds: [],
          cameraIds: [],
        },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [120.1, 30.1],
              [120.11, 30.1],
              [120.11, 30.11],
              [120.1, 30.1],
            ],
          ],
        },
      },
    ]),
    gauges: collection([
      { type: 'Feature', properties: gaugeProps(gauge), geometry: point([120.005, 30.0]) },
    ]),
    stations: collection([
      {
        type: 'Feature',
        properties: {
          id: 's1',
          nameZh: '站',
          nameEn: 'S',
          waterId: 'canal',
          reachId: 'r1',
          targetClass: 'IV',
          isLake: false,
          ...station,
        },
        geometry: point([120.002, 30.0]),
      },
    ]),
    cameras: collection([
      {
        type: 'Feature',
        properties: { id: 'c1', nameZh: '摄', nameEn: 'C', waterId: 'canal', reachId: 'r1' },
        geometry: point([120.008, 30.0]),
      },
    ]),
  };
}

const errorsOf = (f: RiverFixture, waterIds?: Set<string>): string[] => {
  const result = parseRiverFixture(f, { waterIds });
  return 'errors' in result ? result.errors : [];
};

describe('parseRiverFixture', () => {
  it('accepts a valid fixture and converts the target class label to its number', () => {
    const result = parseRiverFixture(fixture());
    expect('network' in result && result.network.stations[0]!.targetClass).toBe(4);
  });

  it('names a warning level that is not above the set-up level', () => {
    expect(errorsOf(fixture({ warningLevelM: 3.4 }))).toEqual([
      'gauges.features[0].properties.warningLevelM: expected above setUpLevelM (3.4), got 3.4',
    ]);
  });

  it('names a historic maximum below the guaranteed level', () => {
    expect(errorsOf(fixture({ historicMaxLevelM: 4 }))[0]).toContain('historicMaxLevelM');
  });

  it('names an unknown datum', () => {
    expect(errorsOf(fixture({ datum: 'local' }))[0]).toBe(
      'gauges.features[0].properties.datum: expected one of wusong|national-1985, got "local"',
    );
  });

  it('names a target class outside II..V', () => {
    expect(errorsOf(fixture({}, { targetClass: 'I' }))[0]).toContain(
      'targetClass: expected one of II|III|IV|V, got "I"',
    );
  });

  it('names a reach that does not exist', () => {
    expect(errorsOf(fixture({ reachId: 'nowhere' }))[0]).toBe(
      'gauges.features[0].properties.reachId: unknown reach "nowhere"',
    );
  });

  it('names a water feature the city lacks when the city water ids are given', () => {
    expect(errorsOf(fixture(), new Set(['river'])).some((e) => e.includes('unknown water "canal"'))).toBe(
      true,
    );
  });

  it('throws CityFixtureError from buildRiverNetwork on a bad fixture', () => {
    expect(() => buildRiverNetwork(fixture({ catchmentKm2: -1 }))).toThrow(CityFixtureError);
  });
});

describe('RiverNetwork lookups', () => {
  const network = buildRiverNetwork(fixture());

  it('finds the nearest gauge within the distance and nothing beyond it', () => {
    expect(network.nearestGauge([120.005, 30.001], 200)?.index).toBe(0);
    expect(network.nearestGauge([120.005, 30.01], 200)).toBeNull();
  });

  it('finds the nearest reach by distance to its line, about 111 m north of it', () => {
    const hit = network.nearestReach([120.005, 30.001], 500);
    expect(hit?.index).toBe(0);
    expect(hit?.distanceM).toBeCloseTo(111, 0);
  });

  it('gives distance 0 to a lake reach for a point inside it', () => {
    expect(network.nearestReach([120.108, 30.102], 10)).toEqual({ index: 1, distanceM: 0 });
  });

  it('maps each gauge to its reach index', () => {
    expect(Array.from(network.gaugeReach)).toEqual([0]);
  });
});
