import { describe, expect, it } from 'vitest';
import type { District, LngLat, RoadSegment } from '@cbo/contracts';
import { pickMapFeature } from './pick-map-feature';

// A flat projection: 1 degree = 1,000 px.
const project = ([lng, lat]: LngLat): [number, number] => [lng * 1000, -lat * 1000];
const segment = (id: string, path: LngLat[]) => ({ id, path }) as unknown as RoadSegment;
const district = {
  id: 'd1',
  polygons: [
    [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
        [0, 0],
      ],
    ],
  ],
} as unknown as District;
const city = {
  segments: [
    segment('near', [
      [0.1, 0.5],
      [0.3, 0.5],
    ]),
    segment('far', [
      [0.8, 0.8],
      [0.9, 0.8],
    ]),
  ],
  districts: [district],
};

describe('pickMapFeature', () => {
  it('picks the segment drawn within the tolerance of the click', () => {
    const at: LngLat = [0.2, 0.505];
    expect(pickMapFeature(city, project, project(at), at, 8)).toEqual({ kind: 'segment', id: 'near' });
  });

  it('falls back to the district containing the click when no segment is near', () => {
    const at: LngLat = [0.5, 0.2];
    expect(pickMapFeature(city, project, project(at), at, 8)).toEqual({ kind: 'district', id: 'd1' });
  });

  it('picks nothing outside every district and far from every segment', () => {
    const at: LngLat = [2, 2];
    expect(pickMapFeature(city, project, project(at), at, 8)).toBeNull();
  });
});
