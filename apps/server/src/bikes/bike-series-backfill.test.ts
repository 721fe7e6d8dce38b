import { readFileSync } from 'node:fs';
import { parseBikeFixture } from '@cbo/city';
import { createBikeSim } from '@cbo/sim';
import { describe, expect, it } from 'vitest';
import { resolveConfigPath } from '../config';
import { loadTestCity, TEST_START_AT } from '../testing/test-app';
import { createBikeOperatorSeries } from './bike-operator-series';
import { backfillBikeSeries } from './bike-series-backfill';

const read = (name: string): unknown =>
  JSON.parse(readFileSync(resolveConfigPath(`fixtures/hangzhou/${name}`), 'utf8'));
const { fixture } = parseBikeFixture({
  stations: read('bike-stations.geojson'),
  zones: read('bike-zones.geojson'),
  operators: read('bike-operators.json'),
});
const MIDNIGHT = TEST_START_AT - 10 * 3_600_000; // TEST_START_AT is 10:00 in Hangzhou

describe('backfillBikeSeries', () => {
  it("fills today's series every 15 minutes from local midnight, with the morning tide", async () => {
    const series = createBikeOperatorSeries(480);
    const sim = createBikeSim({ fixture, fleetSize: 600, seed: 1, utcOffsetMinutes: 480 });
    const steps = await backfillBikeSeries({
      city: await loadTestCity(),
      sim,
      fixture,
      series,
      from: MIDNIGHT,
      to: TEST_START_AT,
      stopped: () => false,
    });
    const points = series.series('yunqi', series.dateOf(TEST_START_AT), 15)!;
    const at = (hour: number) => points.find((p) => p.at === MIDNIGHT + hour * 3_600_000)!;
    expect([steps, points.length]).toEqual([40, 40]);
    expect(at(8).rideRate!).toBeGreaterThan(at(3).rideRate!);
  });

  it('stops when told', async () => {
    const sim = createBikeSim({ fixture, fleetSize: 60, seed: 1, utcOffsetMinutes: 480 });
    const steps = await backfillBikeSeries({
      city: await loadTestCity(),
      sim,
      fixture,
      series: createBikeOperatorSeries(480),
      from: MIDNIGHT,
      to: TEST_START_AT,
      stopped: () => true,
    });
    expect(steps).toBe(0);
  });
});
