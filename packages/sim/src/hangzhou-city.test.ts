import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCity } from '@cbo/city';
import type { CityFixture } from '@cbo/city';
import { createTrafficSim } from './create-traffic-sim';
import { HOUR_MS, MINUTE_MS, WEDNESDAY, meanTti } from './sim-test-support';

const FIXTURE_DIR = new URL('../../../fixtures/hangzhou/', import.meta.url);
const readJson = (name: string): unknown => JSON.parse(readFileSync(new URL(name, FIXTURE_DIR), 'utf8'));

describe('createTrafficSim on the Hangzhou fixture', () => {
  it('reports every segment once a minute with valid readings and a slower morning peak', () => {
    const fixture = {
      meta: readJson('city.json'),
      districts: readJson('districts.geojson'),
      water: readJson('water.geojson'),
      roads: readJson('roads.geojson'),
    } as CityFixture;
    const city = buildCity(fixture);
    const start = WEDNESDAY + 8 * HOUR_MS;
    const sim = createTrafficSim(city, { seed: 1 }, start);
    const batch = sim.advance(start + MINUTE_MS);
    expect(batch.map((o) => o.segmentId).sort()).toEqual(city.segments.map((s) => s.id).sort());
    expect(batch.filter((o) => !(o.speedKmh >= 1 && o.speedKmh <= 200))).toEqual([]);
    const speedAt = sim.speedAt.bind(sim);
    expect(meanTti(city, speedAt, WEDNESDAY + 8 * HOUR_MS + 15 * MINUTE_MS)).toBeGreaterThan(
      meanTti(city, speedAt, WEDNESDAY + 3 * HOUR_MS) + 0.3,
    );
  });
});
