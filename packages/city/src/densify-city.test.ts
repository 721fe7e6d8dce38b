import { describe, expect, it } from 'vitest';
import type { CityFixture } from './city';
import { buildCity } from './build-city';
import { densifyCity } from './densify-city';

/** A 10 km x 10 km district with one 4 km road and a lake in its north-east corner. */
function fixture(): CityFixture {
  const square = [
    [
      [120.0, 30.0],
      [120.104, 30.0],
      [120.104, 30.09],
      [120.0, 30.09],
      [120.0, 30.0],
    ],
  ];
  const lake = [
    [
      [120.07, 30.06],
      [120.1, 30.06],
      [120.1, 30.085],
      [120.07, 30.085],
      [120.07, 30.06],
    ],
  ];
  const feature = (properties: object, geometry: object) => ({ type: 'Feature', properties, geometry });
  return {
    meta: { id: 'square', nameZh: '方城', nameEn: 'Square', timeZone: 'Asia/Shanghai' },
    districts: {
      type: 'FeatureCollection',
      features: [
        feature({ id: 'd1', nameZh: '一区', nameEn: 'One' }, { type: 'Polygon', coordinates: square }),
      ],
    },
    water: {
      type: 'FeatureCollection',
      features: [
        feature(
          { id: 'lake', nameZh: '湖', nameEn: 'Lake', kind: 'lake' },
          { type: 'Polygon', coordinates: lake },
        ),
      ],
    },
    roads: {
      type: 'FeatureCollection',
      features: [
        feature(
          {
            id: 'main-rd',
            nameZh: '主路',
            nameEn: 'Main Road',
            roadClass: 'arterial',
            lanes: 2,
            freeFlowKmh: 50,
          },
          {
            type: 'LineString',
            coordinates: [
              [120.01, 30.045],
              [120.0515, 30.045],
            ],
          },
        ),
      ],
    },
  };
}

describe('densifyCity', () => {
  const base = buildCity(fixture());

  it('reaches the exact target, also when it is odd', () => {
    expect(densifyCity(base, { targetSegments: 1000, seed: 1 }).segmentCount).toBe(1000);
    expect(densifyCity(base, { targetSegments: 1001, seed: 1 }).segmentCount).toBe(1001);
  });

  it('gives the same ids and paths for the same seed', () => {
    const a = densifyCity(base, { targetSegments: 800, seed: 9 });
    const b = densifyCity(base, { targetSegments: 800, seed: 9 });
    expect(a.segments.map((s) => [s.id, s.path])).toEqual(b.segments.map((s) => [s.id, s.path]));
    expect(a.document.segmentsHash).toBe(b.document.segmentsHash);
  });

  it('gives different streets for another seed', () => {
    const a = densifyCity(base, { targetSegments: 800, seed: 1 });
    const b = densifyCity(base, { targetSegments: 800, seed: 2 });
    expect(a.segments.map((s) => s.path)).not.toEqual(b.segments.map((s) => s.path));
  });

  it('keeps the existing segments first, with their ids', () => {
    const dense = densifyCity(base, { targetSegments: 500, seed: 1 });
    expect(dense.segments.slice(0, base.segmentCount).map((s) => s.id)).toEqual(
      base.segments.map((s) => s.id),
    );
  });

  it('adds two-way secondary and branch streets in a district and out of the lake', () => {
    const dense = densifyCity(base, { targetSegments: 600, seed: 3 });
    const added = dense.segments.slice(base.segmentCount);
    for (const s of added) {
      expect(['secondary', 'branch']).toContain(s.roadClass);
      expect(s.districtId).toBe('d1');
      const mid = [(s.path[0]![0] + s.path[1]![0]) / 2, (s.path[0]![1] + s.path[1]![1]) / 2];
      expect(mid[0]! > 120.07 && mid[0]! < 120.1 && mid[1]! > 30.06 && mid[1]! < 30.085).toBe(false);
    }
    const ids = new Set(added.map((s) => s.id));
    expect(added.filter((s) => s.id.includes(':f:')).every((s) => ids.has(s.id.replace(':f:', ':b:')))).toBe(
      true,
    );
  });

  it('links generated streets to each other upstream', () => {
    const dense = densifyCity(base, { targetSegments: 600, seed: 3 });
    const linked = dense.upstream.slice(base.segmentCount).filter((u) => u.length > 0).length;
    expect(linked).toBeGreaterThan((600 - base.segmentCount) / 2);
  });

  it('refuses a target below the current count', () => {
    expect(() => densifyCity(base, { targetSegments: base.segmentCount - 1, seed: 1 })).toThrow(RangeError);
  });

  it('returns the city unchanged at its own count', () => {
    expect(densifyCity(base, { targetSegments: base.segmentCount, seed: 1 })).toBe(base);
  });
});
