import { describe, expect, it } from 'vitest';
import { createTrafficSim } from './create-traffic-sim';
import { HOUR_MS, MINUTE_MS, SATURDAY, WEDNESDAY, buildChainCity, meanTti } from './sim-test-support';

const city = buildChainCity();

function simWithoutIncidents(seed: number) {
  return createTrafficSim(city, { seed, incidentsPerDayPer1000Segments: 0 }, WEDNESDAY);
}

describe('traffic by time of day', () => {
  it('is much slower in the weekday morning peak than at night', () => {
    const sim = simWithoutIncidents(2);
    const speedAt = sim.speedAt.bind(sim);
    const night = meanTti(city, speedAt, WEDNESDAY + 3 * HOUR_MS);
    const peak = meanTti(city, speedAt, WEDNESDAY + 8 * HOUR_MS + 15 * MINUTE_MS);
    expect(night).toBeLessThan(1.15);
    expect(peak).toBeGreaterThan(1.3);
  });

  it('has a weekday evening peak', () => {
    const sim = simWithoutIncidents(2);
    const speedAt = sim.speedAt.bind(sim);
    expect(meanTti(city, speedAt, WEDNESDAY + 18 * HOUR_MS)).toBeGreaterThan(
      meanTti(city, speedAt, WEDNESDAY + 15 * HOUR_MS) + 0.1,
    );
  });

  it('has no morning peak on a weekend', () => {
    const sim = simWithoutIncidents(2);
    const speedAt = sim.speedAt.bind(sim);
    const at = 8 * HOUR_MS + 15 * MINUTE_MS;
    expect(meanTti(city, speedAt, SATURDAY + at)).toBeLessThan(meanTti(city, speedAt, WEDNESDAY + at) - 0.2);
  });

  it('is busier at weekend midday than on a weekday', () => {
    const sim = simWithoutIncidents(2);
    const speedAt = sim.speedAt.bind(sim);
    const at = 14 * HOUR_MS + 30 * MINUTE_MS;
    expect(meanTti(city, speedAt, SATURDAY + at)).toBeGreaterThan(meanTti(city, speedAt, WEDNESDAY + at));
  });

  it('follows local time: 08:15 in Shanghai is 00:15 UTC', () => {
    const shanghai = createTrafficSim(city, { seed: 2, incidentsPerDayPer1000Segments: 0 }, WEDNESDAY);
    const utc = createTrafficSim(
      city,
      { seed: 2, utcOffsetMinutes: 0, incidentsPerDayPer1000Segments: 0 },
      0,
    );
    const at = WEDNESDAY + 8 * HOUR_MS + 15 * MINUTE_MS;
    expect(meanTti(city, utc.speedAt.bind(utc), at)).toBeLessThan(
      meanTti(city, shanghai.speedAt.bind(shanghai), at) - 0.2,
    );
  });
});
