import { describe, expect, it } from 'vitest';
import { applyObservation, createSegmentState } from './segment-state';

const T = 1_780_000_000_000;

describe('createSegmentState', () => {
  it('starts with nothing observed and flow unknown', () => {
    const state = createSegmentState(3);
    expect([...state.observedAt]).toEqual([0, 0, 0]);
    expect(state.flowVph.every(Number.isNaN)).toBe(true);
  });

  it('rejects a negative count', () => {
    expect(() => createSegmentState(-1)).toThrow(RangeError);
  });
});

describe('applyObservation', () => {
  it('stores the first reading', () => {
    const state = createSegmentState(2);
    expect(applyObservation(state, 1, T, 42.5, 900)).toBe('applied');
    expect([state.observedAt[1], state.speedKmh[1], state.flowVph[1]]).toEqual([T, 42.5, 900]);
  });

  it('replaces an older reading with a newer one', () => {
    const state = createSegmentState(1);
    applyObservation(state, 0, T, 30);
    expect(applyObservation(state, 0, T + 1, 20)).toBe('applied');
    expect(state.speedKmh[0]).toBe(20);
  });

  it('clears a held flow when the newer reading has none', () => {
    const state = createSegmentState(1);
    applyObservation(state, 0, T, 30, 800);
    applyObservation(state, 0, T + 1, 20);
    expect(state.flowVph[0]).toBeNaN();
  });

  it('reports a reading with the held time as duplicate and keeps the first', () => {
    const state = createSegmentState(1);
    applyObservation(state, 0, T, 30);
    expect(applyObservation(state, 0, T, 10)).toBe('duplicate');
    expect(state.speedKmh[0]).toBe(30);
  });

  it('reports an older reading as out-of-order and leaves the state unchanged', () => {
    const state = createSegmentState(1);
    applyObservation(state, 0, T, 30, 500);
    expect(applyObservation(state, 0, T - 1, 10, 100)).toBe('out-of-order');
    expect([state.observedAt[0], state.speedKmh[0], state.flowVph[0]]).toEqual([T, 30, 500]);
  });

  it('rejects an index out of range', () => {
    expect(() => applyObservation(createSegmentState(2), 2, T, 30)).toThrow(RangeError);
  });

  it('rejects observedAt 0, which means never observed', () => {
    expect(() => applyObservation(createSegmentState(1), 0, 0, 30)).toThrow(RangeError);
  });
});
