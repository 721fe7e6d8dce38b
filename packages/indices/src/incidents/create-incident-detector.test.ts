import { describe, expect, it } from 'vitest';
import { applyObservation, createSegmentState } from '../segment-state';
import type { SegmentState } from '../segment-state';
import { buildTestCity } from '@cbo/city/testing';
import { createIncidentDetector, observe } from './create-incident-detector';
import type { IncidentChanges, IncidentDetector } from './create-incident-detector';

const T0 = 1_780_000_000_000;
const MINUTE = 60_000;

/** s2 -> s1 -> s0: s1 has a downstream (s0) and an upstream (s2) neighbour. */
function setup(): { detector: IncidentDetector; state: SegmentState } {
  const city = buildTestCity(
    [0, 1, 2].map((i) => ({
      roadClass: 'arterial' as const,
      lanes: 2,
      lengthM: 500,
      freeFlowKmh: 50,
      district: 0,
      upstream: i < 2 ? [i + 1] : [],
    })),
  );
  return { detector: createIncidentDetector(city), state: createSegmentState(3) };
}

/** One reading per segment at minute `minute`, then one observe. */
function tick(
  detector: IncidentDetector,
  state: SegmentState,
  minute: number,
  speeds: number[],
): IncidentChanges {
  const at = T0 + minute * MINUTE;
  speeds.forEach((speed, i) => applyObservation(state, i, at, speed));
  return observe(detector, state, at);
}

/** 20 minutes of free flow to build the baselines. */
function warmUp(detector: IncidentDetector, state: SegmentState): void {
  for (let m = 0; m < 20; m += 1) tick(detector, state, m, [50, 50, 50]);
}

describe('incident detector', () => {
  it('raises a clean drop after three readings and not before', () => {
    const { detector, state } = setup();
    warmUp(detector, state);
    expect(tick(detector, state, 20, [50, 10, 50]).raised).toEqual([]);
    expect(tick(detector, state, 21, [50, 10, 50]).raised).toEqual([]);
    const { raised } = tick(detector, state, 22, [50, 10, 50]);
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({
      segmentId: 's1',
      startedAt: T0 + 20 * MINUTE,
      raisedAt: T0 + 22 * MINUTE,
    });
    expect(raised[0]!.confidence).toBeGreaterThan(0.5);
    expect(detector.activeBySegment[1]).toBe(1);
  });

  it('does not fire when the neighbours slow down as much (a network-wide slowdown)', () => {
    const { detector, state } = setup();
    warmUp(detector, state);
    const raised = [];
    for (let m = 20; m < 40; m += 1) raised.push(...tick(detector, state, m, [10, 10, 10]).raised);
    expect(raised).toEqual([]);
  });

  it('clears after two recovered readings', () => {
    const { detector, state } = setup();
    warmUp(detector, state);
    for (let m = 20; m < 25; m += 1) tick(detector, state, m, [50, 10, 50]);
    expect(tick(detector, state, 25, [50, 48, 50]).cleared).toEqual([]);
    const { cleared } = tick(detector, state, 26, [50, 48, 50]);
    expect(cleared).toHaveLength(1);
    expect(cleared[0]!.clearedAt).toBe(T0 + 26 * MINUTE);
    expect(detector.activeBySegment[1]).toBe(0);
  });

  it('does not fire again when the speed flaps right after clearing', () => {
    const { detector, state } = setup();
    warmUp(detector, state);
    for (let m = 20; m < 25; m += 1) tick(detector, state, m, [50, 10, 50]);
    tick(detector, state, 25, [50, 48, 50]);
    tick(detector, state, 26, [50, 48, 50]);
    const raised = [];
    for (let m = 27; m < 40; m += 1) {
      raised.push(...tick(detector, state, m, [50, m % 2 === 0 ? 10 : 48, 50]).raised);
    }
    expect(raised).toEqual([]);
  });

  it('does not judge a segment before its baseline has ten readings', () => {
    const { detector, state } = setup();
    for (let m = 0; m < 5; m += 1) tick(detector, state, m, [50, 50, 50]);
    const raised = [];
    for (let m = 5; m < 9; m += 1) raised.push(...tick(detector, state, m, [50, 10, 50]).raised);
    expect(raised).toEqual([]);
  });
});
