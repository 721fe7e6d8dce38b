import { describe, expect, it } from 'vitest';
import { createTrafficSim } from './create-traffic-sim';
import { effectFactor } from './incidents';
import type { SimIncident } from './incidents';
import { HOUR_MS, MINUTE_MS, WEDNESDAY, buildChainCity } from './sim-test-support';

const city = buildChainCity();
// About 40 incidents a day on the 8 test segments, so every day has several.
const OPTIONS = { seed: 11, incidentsPerDayPer1000Segments: 5000 };

/** The first incident of the test day on a segment that has an upstream neighbour (segment index + 1). */
function firstIncidentWithUpstream(): SimIncident {
  const sim = createTrafficSim(city, OPTIONS, WEDNESDAY);
  for (let t = WEDNESDAY; t < WEDNESDAY + 24 * HOUR_MS; t += MINUTE_MS) {
    const incident = sim.incidentsActiveAt(t).find((i) => i.segmentIndex < 7);
    if (incident) return incident;
  }
  throw new Error('test seed yields no incident with an upstream segment');
}

describe('simulated incidents', () => {
  it('collapses speed on the incident segment to 10-25 % of normal', () => {
    const incident = firstIncidentWithUpstream();
    const withIncidents = createTrafficSim(city, OPTIONS, WEDNESDAY);
    const without = createTrafficSim(city, { ...OPTIONS, incidentsPerDayPer1000Segments: 0 }, WEDNESDAY);
    const at = incident.startAt + MINUTE_MS;
    const ratio =
      withIncidents.speedAt(incident.segmentIndex, at) / without.speedAt(incident.segmentIndex, at);
    expect(ratio).toBeGreaterThanOrEqual(0.1 - 1e-9);
    expect(ratio).toBeLessThanOrEqual(0.25 + 1e-9);
  });

  it('slows the upstream neighbour once the queue has had 5 minutes to spill back', () => {
    const incident = firstIncidentWithUpstream();
    const withIncidents = createTrafficSim(city, OPTIONS, WEDNESDAY);
    const without = createTrafficSim(city, { ...OPTIONS, incidentsPerDayPer1000Segments: 0 }, WEDNESDAY);
    const upstream = incident.segmentIndex + 1;
    const at = Math.min(incident.startAt + 6 * MINUTE_MS, incident.endAt - 1);
    expect(withIncidents.speedAt(upstream, at)).toBeLessThan(without.speedAt(upstream, at) * 0.6);
  });

  it('lasts 15 to 60 minutes with a severity of 0.75 to 0.9', () => {
    const sim = createTrafficSim(city, OPTIONS, WEDNESDAY);
    const seen = new Map<string, { startAt: number; endAt: number; severity: number }>();
    for (let t = WEDNESDAY; t < WEDNESDAY + 24 * HOUR_MS; t += 5 * MINUTE_MS) {
      for (const incident of sim.incidentsActiveAt(t)) seen.set(incident.id, incident);
    }
    expect(seen.size).toBeGreaterThan(10);
    for (const { startAt, endAt, severity } of seen.values()) {
      expect(endAt - startAt).toBeGreaterThanOrEqual(15 * MINUTE_MS);
      expect(endAt - startAt).toBeLessThanOrEqual(60 * MINUTE_MS);
      expect(severity).toBeGreaterThanOrEqual(0.75);
      expect(severity).toBeLessThanOrEqual(0.9);
    }
  });

  it('are the same for a time whatever was asked before', () => {
    const at = WEDNESDAY + 30 * 24 * HOUR_MS + 9 * HOUR_MS;
    const fresh = createTrafficSim(city, OPTIONS, WEDNESDAY).incidentsActiveAt(at);
    const busy = createTrafficSim(city, OPTIONS, WEDNESDAY);
    for (let d = 0; d < 20; d += 1) busy.incidentsActiveAt(WEDNESDAY + d * 24 * HOUR_MS);
    expect(busy.incidentsActiveAt(at)).toEqual(fresh);
  });

  it('happen at about the configured rate', () => {
    const sim = createTrafficSim(city, { seed: 4, incidentsPerDayPer1000Segments: 5000 }, WEDNESDAY);
    const ids = new Set<string>();
    for (let t = WEDNESDAY; t < WEDNESDAY + 7 * 24 * HOUR_MS; t += 5 * MINUTE_MS) {
      for (const incident of sim.incidentsActiveAt(t)) ids.add(incident.id);
    }
    // mean 40 a day: 280 a week, +-5 sigma
    expect(ids.size).toBeGreaterThan(196);
    expect(ids.size).toBeLessThan(364);
  });

  it('never happen at rate 0', () => {
    const sim = createTrafficSim(city, { seed: 4, incidentsPerDayPer1000Segments: 0 }, WEDNESDAY);
    expect(sim.incidentsActiveAt(WEDNESDAY + 9 * HOUR_MS)).toEqual([]);
  });
});

describe('effectFactor', () => {
  const incident: SimIncident = {
    id: 'x',
    segmentIndex: 0,
    startAt: 1_000_000,
    endAt: 1_000_000 + 30 * MINUTE_MS,
    severity: 0.8,
  };

  it('applies the full severity on the incident segment from the start', () => {
    expect(effectFactor({ incident, hop: 0 }, incident.startAt)).toBeCloseTo(0.2, 12);
  });

  it('reaches hop 2 only after 10 minutes, with severity x 0.55^2', () => {
    expect(effectFactor({ incident, hop: 2 }, incident.startAt + 10 * MINUTE_MS - 1)).toBe(1);
    expect(effectFactor({ incident, hop: 2 }, incident.startAt + 10 * MINUTE_MS)).toBeCloseTo(
      1 - 0.8 * 0.3025,
      12,
    );
  });

  it('ends at endAt', () => {
    expect(effectFactor({ incident, hop: 0 }, incident.endAt)).toBe(1);
  });
});
