import { describe, expect, it } from 'vitest';
import { applyObservation, createSegmentState } from '@cbo/indices';
import { createSegmentObservationBuffer } from './segment-observation-buffer';

describe('createSegmentObservationBuffer', () => {
  it('derives the depth from the budget, within its bounds', () => {
    expect(createSegmentObservationBuffer(1000, 20_000).depth).toBe(20);
    expect(createSegmentObservationBuffer(1000, 1000).depth).toBe(8);
    expect(createSegmentObservationBuffer(10, 1_000_000).depth).toBe(240);
  });

  it('keeps each new reading once, oldest first, and drops the oldest when full', () => {
    const state = createSegmentState(2);
    const buffer = createSegmentObservationBuffer(2, 16); // depth 8
    for (let k = 1; k <= 10; k += 1) {
      applyObservation(state, 0, k * 1000, 10 + k);
      buffer.capture(state);
      buffer.capture(state); // no new reading: nothing added
    }
    const readings = buffer.read(0, 0, 100_000);
    expect(readings.map((r) => r.observedAt)).toEqual([3, 4, 5, 6, 7, 8, 9, 10].map((k) => k * 1000));
    expect(readings[0]).toEqual({ observedAt: 3000, speedKmh: 13, flowVph: null });
    expect(buffer.heldSince(0)).toBe(3000);
    expect(buffer.heldSince(1)).toBeNull();
  });

  it('returns only the readings inside the window', () => {
    const state = createSegmentState(1);
    const buffer = createSegmentObservationBuffer(1, 100);
    for (const at of [1000, 2000, 3000]) {
      applyObservation(state, 0, at, 20, 600);
      buffer.capture(state);
    }
    expect(buffer.read(0, 1500, 2500)).toEqual([{ observedAt: 2000, speedKmh: 20, flowVph: 600 }]);
  });
});
