import { FRAME_KIND_DELTA, FRAME_KIND_SNAPSHOT, SPEED_UNKNOWN } from '@cbo/contracts';
import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeDelta, encodeSnapshot, FRAME_HEADER_BYTES } from './traffic-frame';
import { WireFormatError } from './wire-format-error';

const header = { seq: 7, at: 1_764_806_400_123, segmentsHash: 0xdeadbeef };

describe('snapshot frames', () => {
  it('round-trips every speed, the header and the unknown marker', () => {
    const speeds = Uint16Array.from([0, 523, SPEED_UNKNOWN, 65534]);
    const frame = decodeFrame(encodeSnapshot({ ...header, speeds }));
    expect(frame).toEqual({ kind: FRAME_KIND_SNAPSHOT, ...header, indices: new Uint32Array(0), speeds });
  });

  it('is the header plus two bytes per segment', () => {
    expect(encodeSnapshot({ ...header, speeds: new Uint16Array(1000) }).byteLength).toBe(
      FRAME_HEADER_BYTES + 2000,
    );
  });

  it('rejects a truncated snapshot, naming the expected size', () => {
    const bytes = encodeSnapshot({ ...header, speeds: new Uint16Array(10) }).subarray(0, 40);
    expect(() => decodeFrame(bytes)).toThrow(/must be 44 bytes, got 40/);
  });
});

describe('delta frames', () => {
  it('round-trips sparse ascending indices including gaps past one varint byte', () => {
    const indices = Uint32Array.from([0, 1, 129, 130, 20_000, 49_999, 4_000_000_000]);
    const speeds = Uint16Array.from([10, 20, 30, 40, 50, 60, SPEED_UNKNOWN]);
    const frame = decodeFrame(encodeDelta({ ...header, indices, speeds }));
    expect(frame.kind).toBe(FRAME_KIND_DELTA);
    expect(Array.from(frame.indices)).toEqual(Array.from(indices));
    expect(Array.from(frame.speeds)).toEqual(Array.from(speeds));
  });

  it('spends one gap byte per segment when changes are dense', () => {
    const indices = Uint32Array.from({ length: 100 }, (_, i) => i * 10);
    const bytes = encodeDelta({ ...header, indices, speeds: new Uint16Array(100) });
    expect(bytes.byteLength).toBe(FRAME_HEADER_BYTES + 100 * 3);
  });

  it('decodes from a view at an odd offset inside a larger buffer', () => {
    const encoded = encodeDelta({
      ...header,
      indices: Uint32Array.from([3]),
      speeds: Uint16Array.from([777]),
    });
    const padded = new Uint8Array(encoded.byteLength + 1);
    padded.set(encoded, 1);
    expect(decodeFrame(padded.subarray(1)).speeds[0]).toBe(777);
  });

  it('refuses indices that do not ascend', () => {
    expect(() =>
      encodeDelta({ ...header, indices: Uint32Array.from([5, 5]), speeds: new Uint16Array(2) }),
    ).toThrow(/must ascend/);
  });

  it('reports a delta cut off inside its indices', () => {
    const bytes = encodeDelta({
      ...header,
      indices: Uint32Array.from([1, 2, 3]),
      speeds: new Uint16Array(3),
    });
    expect(() => decodeFrame(bytes.subarray(0, FRAME_HEADER_BYTES + 1))).toThrow(/truncated in index 1 of 3/);
  });
});

describe('header checks', () => {
  it.each([
    ['a short buffer', new Uint8Array(3), /shorter than the 24-byte header/],
    ['a wrong magic', new Uint8Array(FRAME_HEADER_BYTES), /bad magic 0x0/],
  ])('rejects %s', (_name, bytes, message) => {
    expect(() => decodeFrame(bytes)).toThrow(WireFormatError);
    expect(() => decodeFrame(bytes)).toThrow(message);
  });

  it('rejects an unknown version and kind', () => {
    const bytes = encodeSnapshot({ ...header, speeds: new Uint16Array(0) });
    bytes[2] = 9;
    expect(() => decodeFrame(bytes)).toThrow(/unsupported frame version 9/);
    bytes[2] = 1;
    bytes[3] = 4;
    expect(() => decodeFrame(bytes)).toThrow(/unknown frame kind 4/);
  });
});
