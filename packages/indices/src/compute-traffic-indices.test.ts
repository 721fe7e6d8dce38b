import { describe, expect, it } from 'vitest';
import { computeTrafficIndices } from './compute-traffic-indices';
import { applyObservation, createSegmentState } from './segment-state';
import type { SegmentState } from './segment-state';
import { buildTestCity } from '@cbo/city/testing';

const T = 1_780_000_000_000;

// Weights L*lanes/vf without flow: s0 40, s1 10, s2 75, s3 12.5.
const city = buildTestCity([
  { roadClass: 'arterial', lanes: 2, lengthM: 1000, freeFlowKmh: 50, district: 0 },
  { roadClass: 'arterial', lanes: 1, lengthM: 500, freeFlowKmh: 50, district: 0 },
  { roadClass: 'expressway', lanes: 3, lengthM: 2000, freeFlowKmh: 80, district: 1 },
  { roadClass: 'branch', lanes: 1, lengthM: 500, freeFlowKmh: 40, district: 1 },
]);

/** Segment TTIs 2, 1, 2, 1; levels 3 (arterial 25), 1, 3 (expressway 40), 1. */
function observeAll(at: number, flows: (number | undefined)[] = []): SegmentState {
  const state = createSegmentState(4);
  [25, 50, 40, 40].forEach((speed, i) => applyObservation(state, i, at, speed, flows[i]));
  return state;
}

describe('computeTrafficIndices', () => {
  it('weights TTI by length and lanes over free-flow speed when no flow is known', () => {
    const { network, districts } = computeTrafficIndices(city, observeAll(T - 1000), T);
    expect(districts[0]!.tti).toBeCloseTo(90 / 50, 12);
    expect(districts[1]!.tti).toBeCloseTo(162.5 / 87.5, 12);
    expect(network.tti).toBeCloseTo(252.5 / 137.5, 12);
  });

  it('weights TTI by flow where readings carry it', () => {
    // s0 1000*1200/50 = 24000, s1 500*300/50 = 3000; s2, s3 by lanes*600: 45000, 7500.
    const { network, districts } = computeTrafficIndices(city, observeAll(T, [1200, 300]), T);
    expect(districts[0]!.tti).toBeCloseTo(51000 / 27000, 12);
    expect(network.tti).toBeCloseTo(148500 / 79500, 12);
  });

  it('derives TPI and level from the area TTI', () => {
    const area = computeTrafficIndices(city, observeAll(T), T).districts[0]!;
    // TTI 1.8 lies 2/3 of the way from (1.6, 4) to (1.9, 6)
    expect(area.tpi).toBeCloseTo(4 + 4 / 3, 12);
    expect(area.level).toBe(3);
  });

  it('computes the length-weighted harmonic mean speed', () => {
    const { network, districts } = computeTrafficIndices(city, observeAll(T), T);
    expect(districts[0]!.meanSpeedKmh).toBeCloseTo(1500 / (40 + 10), 9);
    expect(districts[1]!.meanSpeedKmh).toBeCloseTo(2500 / (50 + 12.5), 9);
    expect(network.meanSpeedKmh).toBeCloseTo(4000 / 112.5, 9);
  });

  it('computes the share of fresh length at level 3 or worse', () => {
    const { network, districts } = computeTrafficIndices(city, observeAll(T), T);
    expect(districts.map((d) => d.congestedLengthShare)).toEqual([1000 / 1500, 2000 / 2500]);
    expect(network.congestedLengthShare).toBe(0.75);
  });

  it('names areas and counts their segments', () => {
    const { network, districts } = computeTrafficIndices(city, observeAll(T), T);
    expect(districts.map((d) => [d.areaId, d.segmentCount])).toEqual([
      ['d-west', 2],
      ['d-east', 2],
    ]);
    expect([network.areaId, network.segmentCount]).toEqual(['network', 4]);
  });

  it('excludes stale and never-observed segments and reports coverage by length', () => {
    const state = createSegmentState(4);
    applyObservation(state, 0, T - 300_000, 25); // exactly at the freshness edge: fresh
    applyObservation(state, 1, T - 300_001, 50); // stale
    applyObservation(state, 2, T, 40); // s3 never observed
    const { network, districts } = computeTrafficIndices(city, state, T);
    expect(districts[0]!.tti).toBe(2);
    expect(districts[0]!.coverage).toBeCloseTo(1000 / 1500, 12);
    expect(districts[1]!.coverage).toBe(2000 / 2500);
    expect(network.coverage).toBe(3000 / 4000);
  });

  it('honours a custom freshness window', () => {
    const state = observeAll(T - 10_000);
    const area = computeTrafficIndices(city, state, T, { freshForMs: 9_999 }).network;
    expect(area.coverage).toBe(0);
  });

  it('accepts readings up to 60 s in the future and no further', () => {
    const state = createSegmentState(4);
    applyObservation(state, 0, T + 60_000, 25);
    applyObservation(state, 1, T + 60_001, 50);
    const district = computeTrafficIndices(city, state, T).districts[0]!;
    expect(district.coverage).toBeCloseTo(1000 / 1500, 12);
    expect(district.newestInputAgeMs).toBe(0);
  });

  it('reports the age of the newest input, stale or not', () => {
    const state = createSegmentState(4);
    applyObservation(state, 0, T - 400_000, 25);
    applyObservation(state, 1, T - 500_000, 50);
    const district = computeTrafficIndices(city, state, T).districts[0]!;
    expect(district.newestInputAgeMs).toBe(400_000);
  });

  it('returns nulls and level 0 for an area without fresh input', () => {
    const area = computeTrafficIndices(city, createSegmentState(4), T).network;
    expect(area).toEqual({
      areaId: 'network',
      tti: null,
      tpi: null,
      level: 0,
      meanSpeedKmh: null,
      congestedLengthShare: null,
      coverage: 0,
      newestInputAgeMs: null,
      segmentCount: 4,
    });
  });

  it('caps a stopped segment at TTI 10 and floors its speed at a tenth of free flow', () => {
    const state = createSegmentState(4);
    applyObservation(state, 0, T, 0);
    const district = computeTrafficIndices(city, state, T).districts[0]!;
    expect(district.tti).toBe(10);
    expect(district.meanSpeedKmh).toBeCloseTo(5, 5);
  });

  it('rejects a state of another size', () => {
    expect(() => computeTrafficIndices(city, createSegmentState(3), T)).toThrow(RangeError);
  });
});
