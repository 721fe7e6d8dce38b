import { describe, expect, it } from 'vitest';
import { SPEED_UNKNOWN } from '@cbo/contracts';
import type { LngLat, RoadClass } from '@cbo/contracts';
import type { TrafficFrame } from '@cbo/wire';
import { buildSegmentAttributes } from '../map/segment-attributes';
import { LEVEL_COLORS } from '../map/level-palette';
import { applyTrafficFrame, levelForQuantizedSpeed } from './apply-traffic-frame';
import { FrameSequencer } from './frame-sequencer';

const HASH = 77;
const path: LngLat[] = [
  [120.1, 30.2],
  [120.11, 30.21],
];
const city = (classes: RoadClass[]) =>
  buildSegmentAttributes(classes.map((roadClass) => ({ path, roadClass })));
/** Speeds in km/h to the wire's tenths. */
const tenths = (kmh: number[]) => Uint16Array.from(kmh, (v) => Math.round(v * 10));

function snapshotFrame(seq: number, speeds: Uint16Array): TrafficFrame {
  return { kind: 0, seq, at: 0, segmentsHash: HASH, indices: new Uint32Array(0), speeds };
}
function deltaFrame(seq: number, indices: number[], speeds: Uint16Array): TrafficFrame {
  return { kind: 1, seq, at: 0, segmentsHash: HASH, indices: Uint32Array.from(indices), speeds };
}

describe('levelForQuantizedSpeed', () => {
  it('is 0 for an unknown speed', () => {
    expect(levelForQuantizedSpeed(1, SPEED_UNKNOWN)).toBe(0);
  });

  it('uses the road class bands (arterial 18 km/h is level 4: 15 < v <= 20)', () => {
    expect(levelForQuantizedSpeed(1, 180)).toBe(4);
  });

  it('uses the expressway bands (18 km/h is level 5: v <= 20)', () => {
    expect(levelForQuantizedSpeed(0, 180)).toBe(5);
  });
});

describe('applyTrafficFrame', () => {
  it('paints every segment from a snapshot', () => {
    const attributes = city(['arterial', 'arterial', 'arterial']);
    const decision = applyTrafficFrame(
      attributes,
      new FrameSequencer(HASH),
      snapshotFrame(1, tenths([50, 25, 10])),
    );
    expect(decision).toEqual({ action: 'apply' });
    expect(Array.from(attributes.levels)).toEqual([1, 3, 5]);
  });

  it('repaints only the segments a delta lists', () => {
    const attributes = city(['arterial', 'arterial', 'arterial']);
    const sequencer = new FrameSequencer(HASH);
    applyTrafficFrame(attributes, sequencer, snapshotFrame(1, tenths([50, 50, 50])));
    applyTrafficFrame(attributes, sequencer, deltaFrame(2, [2], tenths([10])));
    expect(Array.from(attributes.levels)).toEqual([1, 1, 5]);
    expect(Array.from(attributes.colors.subarray(4 * 4, 4 * 4 + 4))).toEqual([...LEVEL_COLORS[5]!]);
  });

  it('marks a segment whose speed went unknown as level 0', () => {
    const attributes = city(['arterial']);
    const sequencer = new FrameSequencer(HASH);
    applyTrafficFrame(attributes, sequencer, snapshotFrame(1, tenths([50])));
    applyTrafficFrame(attributes, sequencer, deltaFrame(2, [0], Uint16Array.of(SPEED_UNKNOWN)));
    expect(attributes.levels[0]).toBe(0);
  });

  it('does not paint a delta after a sequence gap and asks for a resync', () => {
    const attributes = city(['arterial', 'arterial']);
    const sequencer = new FrameSequencer(HASH);
    applyTrafficFrame(attributes, sequencer, snapshotFrame(1, tenths([50, 50])));
    const decision = applyTrafficFrame(attributes, sequencer, deltaFrame(3, [0], tenths([10])));
    expect(decision).toEqual({ action: 'resync', reason: 'gap' });
    expect(Array.from(attributes.levels)).toEqual([1, 1]);
  });

  it('does not paint a frame of another city', () => {
    const attributes = city(['arterial']);
    const frame = { ...snapshotFrame(1, tenths([10])), segmentsHash: HASH + 1 };
    expect(applyTrafficFrame(attributes, new FrameSequencer(HASH), frame).action).toBe('reject');
    expect(attributes.levels[0]).toBe(0);
  });
});
