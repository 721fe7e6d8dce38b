import { describe, expect, it } from 'vitest';
import { applyObservation, createSegmentState } from '../segment-state';
import type { SegmentState } from '../segment-state';
import { buildTestCity } from '@cbo/city/testing';
import { computeTrafficMetrics } from './compute-traffic-metrics';
import { createMetricsLayout } from './metrics-layout';

const T = 1_780_000_000_000;

// Road A is a chain s3 -> s2 -> s1 -> s0 (upstream[i] = [i + 1]); s0, s1 in district 0, s2, s3 in district 1;
// s4 is road B in district 1, unlinked. All arterials, 2 lanes, 1 km, free flow 50 km/h.
const city = buildTestCity(
  [0, 1, 2, 3, 4].map((i) => ({
    roadClass: 'arterial' as const,
    lanes: 2,
    lengthM: 1000,
    freeFlowKmh: 50,
    district: i < 2 ? 0 : 1,
    upstream: i < 3 ? [i + 1] : [],
    roadId: i < 4 ? 'A' : 'B',
  })),
);

function stateWith(speeds: number[], at = T, flows: (number | undefined)[] = []): SegmentState {
  const state = createSegmentState(speeds.length);
  speeds.forEach((speed, i) => applyObservation(state, i, at, speed, flows[i]));
  return state;
}

describe('computeTrafficMetrics', () => {
  it('counts runs of linked level-4+ segments per network, district and street', () => {
    // Arterial level 5 at <= 15 km/h, level 4 at 15-20: congested s0, s1, s2, s4; s3 free.
    const metrics = computeTrafficMetrics(createMetricsLayout(city), stateWith([10, 18, 10, 45, 10]), T);
    expect(metrics.network.congestionPoints).toBe(2);
    expect(metrics.districts.map((d) => d.congestionPoints)).toEqual([1, 2]);
    expect(metrics.streets.map((s) => [s.areaId, s.congestionPoints])).toEqual([
      ['A', 1],
      ['B', 1],
    ]);
  });

  it('splits a run where a segment in the middle is not congested', () => {
    const metrics = computeTrafficMetrics(createMetricsLayout(city), stateWith([10, 45, 10, 45, 10]), T);
    expect(metrics.network.congestionPoints).toBe(3);
  });

  it('counts vehicles as flow over speed times length, capped at jam density', () => {
    // s0: 1200 veh/h at 40 km/h = 30 veh/km; s1: 6000 veh/h at 1 km/h capped at 2 x 150 = 300 veh/km.
    const state = stateWith([40, 1], T, [1200, 6000]);
    const twoCity = buildTestCity([0, 1].map(() => ({ ...specA, district: 0 })));
    expect(
      computeTrafficMetrics(createMetricsLayout(twoCity), state, T).network.vehiclesInTransit,
    ).toBeCloseTo(330, 9);
  });

  it('counts vehicles by the lanes x jam density model when flow is unknown', () => {
    // Greenshields: 2 lanes x 150 x (1 - 25/50) = 150 veh/km over 1 km.
    const oneCity = buildTestCity([specA]);
    const metrics = computeTrafficMetrics(createMetricsLayout(oneCity), stateWith([25]), T);
    expect(metrics.network.vehiclesInTransit).toBeCloseTo(150, 9);
  });

  it('counts active incidents per area from the detector flags', () => {
    const incidents = Uint8Array.from([1, 0, 0, 0, 1]);
    const metrics = computeTrafficMetrics(createMetricsLayout(city), stateWith([45, 45, 45, 45, 45]), T, {
      incidentSegments: incidents,
    });
    expect(metrics.network.activeIncidents).toBe(2);
    expect(metrics.districts.map((d) => d.activeIncidents)).toEqual([1, 1]);
  });

  it('reports no data as null indices, zero counts and zero coverage', () => {
    const metrics = computeTrafficMetrics(createMetricsLayout(city), createSegmentState(5), T);
    expect(metrics.network).toMatchObject({
      tti: null,
      tpi: null,
      level: 0,
      vehiclesInTransit: 0,
      congestionPoints: 0,
      coverage: 0,
      newestInputAgeMs: null,
    });
  });

  it('gives TPI 10, share 1 and one point per street when everything is at a standstill', () => {
    const metrics = computeTrafficMetrics(createMetricsLayout(city), stateWith([2, 2, 2, 2, 2]), T);
    expect(metrics.network.tpi).toBe(10);
    expect(metrics.network.congestedLengthShare).toBe(1);
    expect(metrics.network.congestionPoints).toBe(2);
  });

  it('leaves stale segments out and lowers coverage', () => {
    const state = stateWith([45, 45, 45, 45, 10]);
    state.observedAt[4] = T - 600_000;
    const metrics = computeTrafficMetrics(createMetricsLayout(city), state, T);
    expect(metrics.network.coverage).toBeCloseTo(0.8, 9);
    expect(metrics.network.congestionPoints).toBe(0);
    expect(metrics.streets[1]!.tti).toBeNull();
  });

  it('computes a one-segment street like its segment', () => {
    const metrics = computeTrafficMetrics(createMetricsLayout(city), stateWith([45, 45, 45, 45, 25]), T);
    expect(metrics.streets[1]).toMatchObject({ areaId: 'B', kind: 'street', tti: 2, meanSpeedKmh: 25 });
  });
});

const specA = {
  roadClass: 'arterial' as const,
  lanes: 2,
  lengthM: 1000,
  freeFlowKmh: 50,
  district: 0,
};
