import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCity } from '@cbo/city';
import type { CityFixture } from '@cbo/city';
import { computeTrafficIndices } from './compute-traffic-indices';
import { applyObservation, createSegmentState } from './segment-state';

const FIXTURE_DIR = new URL('../../../fixtures/hangzhou/', import.meta.url);
const readJson = (name: string): unknown => JSON.parse(readFileSync(new URL(name, FIXTURE_DIR), 'utf8'));

describe('computeTrafficIndices on the Hangzhou fixture', () => {
  it('gives TTI 2 in every district with data when every segment runs at half its free-flow speed', () => {
    const fixture = {
      meta: readJson('city.json'),
      districts: readJson('districts.geojson'),
      water: readJson('water.geojson'),
      roads: readJson('roads.geojson'),
    } as CityFixture;
    const city = buildCity(fixture);
    const T = Date.UTC(2026, 11, 2, 0, 15);
    const state = createSegmentState(city.segmentCount);
    for (let i = 0; i < city.segmentCount; i += 1) applyObservation(state, i, T, city.freeFlowKmh[i]! / 2);
    const { network, districts } = computeTrafficIndices(city, state, T);
    expect(network.tti).toBeCloseTo(2, 6);
    expect(network.coverage).toBeCloseTo(1, 6);
    expect(districts.map((d) => d.areaId)).toEqual(city.districtIds);
    expect(districts.filter((d) => d.segmentCount > 0).every((d) => Math.abs(d.tti! - 2) < 1e-6)).toBe(true);
    expect(districts.reduce((sum, d) => sum + d.segmentCount, 0)).toBe(city.segmentCount);
  });
});
