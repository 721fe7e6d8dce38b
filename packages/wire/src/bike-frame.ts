import {
  BIKE_FRAME_KIND_DELTA,
  BIKE_FRAME_KIND_SNAPSHOT,
  BIKE_STATE_GONE,
  FRAME_MAGIC,
  FRAME_VERSION,
  type EpochMs,
  type LngLat,
} from '@cbo/contracts';
import { WireFormatError } from './wire-format-error';

/**
 * Bike frame byte layout (little-endian), docs/adr/0017:
 *
 *  0  u16 magic 'CB'   2  u8 version   3  u8 kind (2 bike snapshot, 3 bike delta)
 *  4  u32 seq          8  f64 at (epoch ms)
 * 16  i32 origin lng (1e-6 degree)   20  i32 origin lat (1e-6 degree)   24  u32 count
 * 28  u8 position bytes P (3, or 4 when a bike lies more than 8.38 degrees from the origin)   29-31 reserved
 * 32  count records, ascending bike index:
 *       LEB128 varint index gap (index - previous - 1, previous starts at -1)
 *       u8 state byte (low 2 bits: BIKE_STATES index; 0x10 no permit; 0x20 in a no-parking zone;
 *          0xff: the bike left the feed, no more fields)
 *       u8 operator code
 *       lng offset, lat offset from the origin: signed P-byte integers, 1e-6 degree (about 0.1 m)
 * A snapshot carries every bike; a delta only the bikes that changed since the previous frame.
 */
export const BIKE_FRAME_HEADER_BYTES = 32;
/** Largest offset from the origin a 3-byte position holds, 1e-6 degree (8.38 degrees). */
export const BIKE_OFFSET_LIMIT_E6 = 0x7fffff;

/** Bikes to encode: parallel arrays, one entry per bike, indices ascending. */
export interface BikeFrameInput {
  seq: number;
  at: EpochMs;
  /** Origin of the offsets, 1e-6 degree integers `[lng, lat]`. */
  originE6: readonly [number, number];
  indices: Uint32Array;
  states: Uint8Array;
  operators: Uint8Array;
  /** Absolute positions, 1e-6 degree integers. */
  lngE6: Int32Array;
  latE6: Int32Array;
}

/** A decoded bike frame. */
export interface BikeFrame {
  kind: typeof BIKE_FRAME_KIND_SNAPSHOT | typeof BIKE_FRAME_KIND_DELTA;
  seq: number;
  at: EpochMs;
  /** `[lng, lat]` degrees. */
  origin: LngLat;
  indices: Uint32Array;
  states: Uint8Array;
  operators: Uint8Array;
  /** Per bike `[dLng, dLat]` degrees from the origin (for deck.gl LNGLAT_OFFSETS); 0 for gone bikes. */
  offsets: Float32Array;
}

function varintLength(value: number): number {
  let length = 1;
  while (value >= 0x80) {
    value = Math.floor(value / 128);
    length++;
  }
  return length;
}

function writeSigned(bytes: Uint8Array, offset: number, value: number, width: number): void {
  let v = value < 0 ? value + 2 ** (8 * width) : value;
  for (let b = 0; b < width; b++) {
    bytes[offset + b] = v & 0xff;
    v = Math.floor(v / 256);
  }
}

function readSigned(bytes: Uint8Array, offset: number, width: number): number {
  let v = 0;
  for (let b = width - 1; b >= 0; b--) v = v * 256 + bytes[offset + b]!;
  return v >= 2 ** (8 * width - 1) ? v - 2 ** (8 * width) : v;
}

function encode(kind: number, input: BikeFrameInput): Uint8Array {
  const { indices, states, operators, lngE6, latE6 } = input;
  const count = indices.length;
  if (
    states.length !== count ||
    operators.length !== count ||
    lngE6.length !== count ||
    latE6.length !== count
  )
    throw new RangeError(`bike frame: ${count} indices but arrays of other lengths`);
  let width = 3;
  for (let i = 0; i < count; i++) {
    if (states[i] === BIKE_STATE_GONE) continue;
    const far = Math.max(Math.abs(lngE6[i]! - input.originE6[0]), Math.abs(latE6[i]! - input.originE6[1]));
    if (far > BIKE_OFFSET_LIMIT_E6) width = 4;
  }
  let size = BIKE_FRAME_HEADER_BYTES;
  let previous = -1;
  for (let i = 0; i < count; i++) {
    const index = indices[i]!;
    if (index <= previous) throw new RangeError(`bike frame: indices must ascend (at ${i}: ${index})`);
    size += varintLength(index - previous - 1) + (states[i] === BIKE_STATE_GONE ? 1 : 2 + 2 * width);
    previous = index;
  }
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, FRAME_MAGIC, true);
  view.setUint8(2, FRAME_VERSION);
  view.setUint8(3, kind);
  view.setUint32(4, input.seq >>> 0, true);
  view.setFloat64(8, input.at, true);
  view.setInt32(16, input.originE6[0], true);
  view.setInt32(20, input.originE6[1], true);
  view.setUint32(24, count, true);
  view.setUint8(28, width);
  let offset = BIKE_FRAME_HEADER_BYTES;
  previous = -1;
  for (let i = 0; i < count; i++) {
    let gap = indices[i]! - previous - 1;
    previous = indices[i]!;
    while (gap >= 0x80) {
      bytes[offset++] = (gap & 0x7f) | 0x80;
      gap = Math.floor(gap / 128);
    }
    bytes[offset++] = gap;
    const state = states[i]!;
    bytes[offset++] = state;
    if (state === BIKE_STATE_GONE) continue;
    bytes[offset++] = operators[i]!;
    writeSigned(bytes, offset, lngE6[i]! - input.originE6[0], width);
    writeSigned(bytes, offset + width, latE6[i]! - input.originE6[1], width);
    offset += 2 * width;
  }
  return bytes;
}

/** Encodes every bike (no `BIKE_STATE_GONE` entries expected). */
export function encodeBikeSnapshot(input: BikeFrameInput): Uint8Array {
  return encode(BIKE_FRAME_KIND_SNAPSHOT, input);
}

/** Encodes the bikes that changed; a state byte of `BIKE_STATE_GONE` removes a bike. */
export function encodeBikeDelta(input: BikeFrameInput): Uint8Array {
  return encode(BIKE_FRAME_KIND_DELTA, input);
}

function toBytes(input: ArrayBuffer | ArrayBufferView): Uint8Array {
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw new WireFormatError(`frame must be binary, got ${typeof input}`);
}

/** Decodes a bike snapshot or delta; throws {@link WireFormatError} naming the defect. */
export function decodeBikeFrame(input: ArrayBuffer | ArrayBufferView): BikeFrame {
  const bytes = toBytes(input);
  if (bytes.byteLength < BIKE_FRAME_HEADER_BYTES)
    throw new WireFormatError(`bike frame is ${bytes.byteLength} bytes, shorter than its header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint16(0, true) !== FRAME_MAGIC) throw new WireFormatError('bad magic, expected 0x4342');
  const version = view.getUint8(2);
  if (version !== FRAME_VERSION) throw new WireFormatError(`unsupported frame version ${version}`);
  const kind = view.getUint8(3);
  if (kind !== BIKE_FRAME_KIND_SNAPSHOT && kind !== BIKE_FRAME_KIND_DELTA)
    throw new WireFormatError(`not a bike frame: kind ${kind}`);
  const originE6: [number, number] = [view.getInt32(16, true), view.getInt32(20, true)];
  const count = view.getUint32(24, true);
  const width = view.getUint8(28);
  if (width !== 3 && width !== 4) throw new WireFormatError(`position width ${width}, expected 3 or 4`);
  if (count > bytes.byteLength) throw new WireFormatError(`count ${count} exceeds the frame`);
  const frame: BikeFrame = {
    kind,
    seq: view.getUint32(4, true),
    at: view.getFloat64(8, true),
    origin: [originE6[0] / 1e6, originE6[1] / 1e6],
    indices: new Uint32Array(count),
    states: new Uint8Array(count),
    operators: new Uint8Array(count),
    offsets: new Float32Array(count * 2),
  };
  let offset = BIKE_FRAME_HEADER_BYTES;
  let previous = -1;
  for (let i = 0; i < count; i++) {
    let gap = 0;
    let scale = 1;
    for (;;) {
      if (offset >= bytes.byteLength) throw new WireFormatError(`bike frame truncated at record ${i}`);
      const byte = bytes[offset++]!;
      gap += (byte & 0x7f) * scale;
      if (byte < 0x80) break;
      scale *= 128;
      if (scale > 2 ** 35) throw new WireFormatError(`record ${i} varint is too long`);
    }
    previous += gap + 1;
    frame.indices[i] = previous;
    if (offset >= bytes.byteLength) throw new WireFormatError(`bike frame truncated at record ${i}`);
    const state = bytes[offset++]!;
    frame.states[i] = state;
    if (state === BIKE_STATE_GONE) continue;
    if (offset + 1 + 2 * width > bytes.byteLength)
      throw new WireFormatError(`bike frame truncated at record ${i}`);
    frame.operators[i] = bytes[offset++]!;
    frame.offsets[i * 2] = readSigned(bytes, offset, width) / 1e6;
    frame.offsets[i * 2 + 1] = readSigned(bytes, offset + width, width) / 1e6;
    offset += 2 * width;
  }
  if (offset !== bytes.byteLength)
    throw new WireFormatError(`bike frame has ${bytes.byteLength - offset} trailing bytes`);
  return frame;
}
