import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LngLat } from '@cbo/contracts';
import { buildCity } from './build-city';
import type { CityFixture } from './city';
import { hashSegmentIds } from './hash-segment-ids';
import { pathLengthM } from './haversine-m';
import { pointInRings } from './point-in-rings';

const dir = fileURLToPath(new URL('../../../fixtures/hangzhou/', import.meta.url));
const read = (file: string): unknown => JSON.parse(readFileSync(dir + file, 'utf8'));
const fixture: CityFixture = {
  meta: read('city.json') as CityFixture['meta'],
  districts: read('districts.geojson'),
  water: read('water.geojson'),
  roads: read('roads.geojson'),
};
const roads = (
  fixture.roads as {
    features: { properties: { id: string; oneway?: boolean }; geometry: { coordinates: LngLat[] } }[];
  }
).features;

describe('the Hangzhou fixture', () => {
  const city = buildCity(fixture);

  it('has at least 1,500 directed segments', () => {
    expect(city.segmentCount).toBeGreaterThanOrEqual(1500);
  });

  it('keeps every coordinate in Hangzhou as [lng, lat] inside the city bounds', () => {
    const [west, south, east, north] = city.document.bounds;
    expect(west).toBeGreaterThan(119.5);
    expect(east).toBeLessThan(121);
    expect(south).toBeGreaterThan(29.7);
    expect(north).toBeLessThan(30.7);
    for (const s of city.segments) {
      for (const [lng, lat] of s.path)
        expect(lng >= west && lng <= east && lat >= south && lat <= north).toBe(true);
    }
  });

  it('splits each road into segments whose lengths sum to the road length, per direction', () => {
    const sums = new Map<string, number>();
    for (const s of city.segments) sums.set(s.roadId, (sums.get(s.roadId) ?? 0) + s.lengthM);
    for (const road of roads) {
      const directions = road.properties.oneway ? 1 : 2;
      const expected = pathLengthM(road.geometry.coordinates) * directions;
      expect(Math.abs((sums.get(road.properties.id) ?? 0) - expected)).toBeLessThan(expected * 1e-4);
    }
  });

  it('keeps the typed arrays and the id map in segment order', () => {
    city.segments.forEach((s, i) => {
      expect(s.index).toBe(i);
      expect(city.segmentIndexById.get(s.id)).toBe(i);
      expect(city.districtIds[city.segmentDistrict[i] ?? -1]).toBe(s.districtId);
    });
    expect(city.lengthM[0]).toBeCloseTo(city.segments[0]?.lengthM ?? 0, 1);
  });

  it('uses ids of the form road:direction:piece', () => {
    for (const s of city.segments) expect(s.id).toMatch(/^[A-Za-z0-9_.-]+:[fb]:\d{3,}$/);
  });

  it('publishes the hash of its ordered segment ids', () => {
    expect(city.document.segmentsHash).toBe(hashSegmentIds(city.segments.map((s) => s.id)));
  });

  it("links the second piece of Yan'an Road to the first", () => {
    const second = city.segmentIndexById.get('yanan-rd:f:001') ?? -1;
    expect(city.upstream[second]).toContain(city.segmentIndexById.get('yanan-rd:f:000'));
  });

  it('places each district label inside the district', () => {
    for (const d of city.document.districts) expect(pointInRings(d.labelAt, d.polygons.flat())).toBe(true);
  });

  it('puts the West Lake centre in Xihu district', () => {
    expect(city.locateDistrict([120.145, 30.245])).toBe('xihu');
  });

  it('returns null for a point outside every district', () => {
    expect(city.locateDistrict([121.5, 31.2])).toBeNull();
  });

  it("maps a point on Yan'an Road to a Yan'an Road segment in Shangcheng or Xiacheng", () => {
    const hit = city.nearestSegment([120.1613, 30.263], 100);
    const segment = city.segments[hit?.index ?? -1];
    expect(segment?.roadId).toBe('yanan-rd');
    expect(['shangcheng', 'xiacheng']).toContain(segment?.districtId);
    expect(hit?.distanceM).toBeLessThan(30);
  });

  it('finds no segment beyond the search distance', () => {
    expect(city.nearestSegment([120.145, 30.245], 50)).toBeNull();
  });
});
