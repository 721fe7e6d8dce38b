import { describe, expect, it } from 'vitest';
import { computeSegmentLevels } from './compute-segment-levels';
import { applyObservation, createSegmentState } from './segment-state';
import { buildTestCity } from '@cbo/city/testing';

const T = 1_780_000_000_000;

const city = buildTestCity([
  { roadClass: 'arterial', lanes: 2, lengthM: 1000, freeFlowKmh: 50, district: 0 },
  { roadClass: 'expressway', lanes: 3, lengthM: 2000, freeFlowKmh: 80, district: 1 },
  { roadClass: 'branch', lanes: 1, lengthM: 500, freeFlowKmh: 40, district: 1 },
]);

describe('computeSegmentLevels', () => {
  it('writes the GB/T 33171 level of fresh segments and 0 for stale or unobserved ones', () => {
    const state = createSegmentState(3);
    applyObservation(state, 0, T, 15); // arterial <= 15: level 5
    applyObservation(state, 1, T - 300_001, 70); // stale
    const out = computeSegmentLevels(city, state, T, new Uint8Array(3));
    expect([...out]).toEqual([5, 0, 0]);
  });

  it('uses the freshness window from the options', () => {
    const state = createSegmentState(3);
    applyObservation(state, 1, T - 1000, 70); // expressway > 65: level 1
    expect([...computeSegmentLevels(city, state, T, new Uint8Array(3), { freshForMs: 1000 })]).toEqual([
      0, 1, 0,
    ]);
  });

  it('writes into the given array', () => {
    const out = new Uint8Array(3).fill(9);
    expect(computeSegmentLevels(city, createSegmentState(3), T, out)).toBe(out);
    expect([...out]).toEqual([0, 0, 0]);
  });

  it('rejects an output array of the wrong size', () => {
    expect(() => computeSegmentLevels(city, createSegmentState(3), T, new Uint8Array(2))).toThrow(RangeError);
  });
});
