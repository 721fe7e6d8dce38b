import { describe, expect, it } from 'vitest';
import { MAX_PLAUSIBLE_SPEED_KMH } from '@cbo/contracts';
import { createTrafficSim } from './create-traffic-sim';
import { HOUR_MS, MINUTE_MS, WEDNESDAY, buildChainCity } from './sim-test-support';

const city = buildChainCity();
const START = WEDNESDAY + 8 * HOUR_MS;

describe('createTrafficSim advance', () => {
  it('gives the same observations for the same seed', () => {
    const a = createTrafficSim(city, { seed: 7 }, START).advance(START + 10 * MINUTE_MS);
    const b = createTrafficSim(city, { seed: 7 }, START).advance(START + 10 * MINUTE_MS);
    expect(a.length).toBe(80);
    expect(a).toEqual(b);
  });

  it('gives different observations for another seed', () => {
    const a = createTrafficSim(city, { seed: 7 }, START).advance(START + 10 * MINUTE_MS);
    const b = createTrafficSim(city, { seed: 8 }, START).advance(START + 10 * MINUTE_MS);
    expect(a.map((o) => o.speedKmh)).not.toEqual(b.map((o) => o.speedKmh));
  });

  it('does not depend on the step size', () => {
    const stepped = createTrafficSim(city, { seed: 3 }, START);
    const collected = [];
    for (let t = START + 1000; t <= START + 5 * MINUTE_MS; t += 1000) collected.push(...stepped.advance(t));
    const oneStep = createTrafficSim(city, { seed: 3 }, START).advance(START + 5 * MINUTE_MS);
    expect(collected).toEqual(oneStep);
  });

  it('returns only observations in (previous now, now], in time order', () => {
    const sim = createTrafficSim(city, { seed: 1 }, START);
    sim.advance(START + 30_000);
    const batch = sim.advance(START + 90_000);
    const times = batch.map((o) => o.observedAt);
    expect(times.every((t) => t > START + 30_000 && t <= START + 90_000)).toBe(true);
    expect(times).toEqual([...times].sort((x, y) => x - y));
  });

  it('has every segment report exactly once per period, at spread-out phases', () => {
    const batch = createTrafficSim(city, { seed: 1 }, START).advance(START + MINUTE_MS);
    expect(batch.map((o) => o.segmentId).sort()).toEqual(city.segments.map((s) => s.id).sort());
    expect(new Set(batch.map((o) => o.observedAt)).size).toBeGreaterThan(4);
  });

  it('reports at the configured period', () => {
    const batch = createTrafficSim(city, { seed: 1, reportEveryMs: 20_000 }, START).advance(
      START + MINUTE_MS,
    );
    expect(batch.length).toBe(24);
  });

  it('returns nothing when the clock does not move forward', () => {
    const sim = createTrafficSim(city, { seed: 1 }, START);
    sim.advance(START + MINUTE_MS);
    expect(sim.advance(START + MINUTE_MS)).toEqual([]);
    expect(sim.advance(START)).toEqual([]);
  });

  it('produces only valid observations of known segments', () => {
    const batch = createTrafficSim(
      city,
      { seed: 5, incidentsPerDayPer1000Segments: 5000 },
      WEDNESDAY,
    ).advance(WEDNESDAY + 24 * HOUR_MS);
    const ids = new Set(city.segments.map((s) => s.id));
    expect(batch.length).toBe(8 * 1440);
    expect(batch.filter((o) => !ids.has(o.segmentId))).toEqual([]);
    expect(batch.filter((o) => !(o.speedKmh >= 1 && o.speedKmh <= MAX_PLAUSIBLE_SPEED_KMH))).toEqual([]);
    expect(batch.filter((o) => !(Number.isInteger(o.flowVph) && o.flowVph! >= 0))).toEqual([]);
    expect(batch.filter((o) => o.source !== 'sim')).toEqual([]);
  });

  it('rejects a non-integer seed', () => {
    expect(() => createTrafficSim(city, { seed: 1.5 }, START)).toThrow(RangeError);
  });
});
