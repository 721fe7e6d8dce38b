import { BIKE_FRAME_KIND_DELTA, BIKE_FRAME_KIND_SNAPSHOT, BIKE_STATE_GONE } from '@cbo/contracts';
import { describe, expect, it } from 'vitest';
import {
  BIKE_FRAME_HEADER_BYTES,
  decodeBikeFrame,
  encodeBikeDelta,
  encodeBikeSnapshot,
  type BikeFrameInput,
} from './bike-frame';
import { WireFormatError } from './wire-format-error';

const ORIGIN: [number, number] = [120_150_000, 30_250_000];

function input(indices: number[], states: number[]): BikeFrameInput {
  return {
    seq: 3,
    at: 1_764_806_400_000,
    originE6: ORIGIN,
    indices: Uint32Array.from(indices),
    states: Uint8Array.from(states),
    operators: Uint8Array.from(indices.map((i) => i % 4)),
    lngE6: Int32Array.from(indices.map((i) => ORIGIN[0] + i * 10 - 500)),
    latE6: Int32Array.from(indices.map((i) => ORIGIN[1] - i * 7)),
  };
}

describe('bike snapshot', () => {
  it('round-trips indices, states, operators and offsets to 1e-6 degree', () => {
    const frame = decodeBikeFrame(encodeBikeSnapshot(input([0, 5, 300], [0, 1, 0x12])));
    expect(frame.kind).toBe(BIKE_FRAME_KIND_SNAPSHOT);
    expect(frame.origin).toEqual([120.15, 30.25]);
    expect(Array.from(frame.indices)).toEqual([0, 5, 300]);
    expect(Array.from(frame.states)).toEqual([0, 1, 0x12]);
    expect(Array.from(frame.operators)).toEqual([0, 1, 0]);
    expect(frame.offsets[4]).toBeCloseTo((300 * 10 - 500) / 1e6, 9);
    expect(frame.offsets[5]).toBeCloseTo((-300 * 7) / 1e6, 9);
  });

  it('spends 9 bytes on a bike whose index follows the previous one', () => {
    const bytes = encodeBikeSnapshot(input([0, 1, 2, 3], [0, 0, 0, 0]));
    expect(bytes.byteLength).toBe(BIKE_FRAME_HEADER_BYTES + 4 * 9);
  });

  it('widens positions to 4 bytes for a bike in another city (Oslo from a Hangzhou origin)', () => {
    const far = {
      ...input([0], [0]),
      lngE6: Int32Array.from([10_720_000]),
      latE6: Int32Array.from([59_950_000]),
    };
    const bytes = encodeBikeSnapshot(far);
    const frame = decodeBikeFrame(bytes);
    expect(bytes.byteLength).toBe(BIKE_FRAME_HEADER_BYTES + 11);
    expect(frame.origin[0] + frame.offsets[0]!).toBeCloseTo(10.72, 5);
    expect(frame.origin[1] + frame.offsets[1]!).toBeCloseTo(59.95, 5);
  });
});

describe('bike delta', () => {
  it('removes a bike with the gone state in two bytes', () => {
    const bytes = encodeBikeDelta(input([7], [BIKE_STATE_GONE]));
    expect(bytes.byteLength).toBe(BIKE_FRAME_HEADER_BYTES + 2);
    const frame = decodeBikeFrame(bytes);
    expect(frame.kind).toBe(BIKE_FRAME_KIND_DELTA);
    expect(Array.from(frame.states)).toEqual([BIKE_STATE_GONE]);
  });

  it('rejects indices that do not ascend', () => {
    expect(() => encodeBikeDelta(input([5, 5], [0, 0]))).toThrow(RangeError);
  });

  it('names a truncated frame', () => {
    const bytes = encodeBikeDelta(input([1, 2], [0, 0])).subarray(0, BIKE_FRAME_HEADER_BYTES + 4);
    expect(() => decodeBikeFrame(bytes)).toThrow(WireFormatError);
  });

  it('refuses a traffic frame kind', () => {
    const bytes = encodeBikeDelta(input([1], [0]));
    bytes[3] = 1;
    expect(() => decodeBikeFrame(bytes)).toThrow(/not a bike frame/);
  });
});
