import {
  FRAME_KIND_DELTA,
  FRAME_KIND_SNAPSHOT,
  FRAME_MAGIC,
  FRAME_VERSION,
  type EpochMs,
  type FrameKind,
} from '@cbo/contracts';
import { WireFormatError } from './wire-format-error';

/**
 * Byte layout (little-endian), documented in docs/architecture.md:
 *
 *  0  u16 magic 'CB'     2  u8 version     3  u8 kind (0 snapshot, 1 delta)
 *  4  u32 seq            8  f64 at (epoch ms)
 * 16  u32 segmentsHash  20  u32 count
 * 24  body
 *   snapshot: count x u16 speed (tenths of km/h), one per segment in city order
 *   delta:    count x LEB128 varint index gap (index - previous index - 1, previous starts at -1),
 *             then count x u16 speed
 */
export const FRAME_HEADER_BYTES = 24;

/** A decoded traffic frame. */
export interface TrafficFrame {
  kind: FrameKind;
  /** Broadcast sequence number; deltas are consecutive, a gap means a missed frame. */
  seq: number;
  /** Tick time the frame describes. */
  at: EpochMs;
  /** `hashSegmentIds` of the city the indices refer to. */
  segmentsHash: number;
  /** Delta: ascending indices of changed segments. Snapshot: empty. */
  indices: Uint32Array;
  /** Quantized speeds: one per index (delta) or one per segment (snapshot). */
  speeds: Uint16Array;
}

/** Fields shared by both encoders. */
export interface FrameHeaderInput {
  seq: number;
  at: EpochMs;
  segmentsHash: number;
}

function writeHeader(view: DataView, kind: FrameKind, header: FrameHeaderInput, count: number): void {
  view.setUint16(0, FRAME_MAGIC, true);
  view.setUint8(2, FRAME_VERSION);
  view.setUint8(3, kind);
  view.setUint32(4, header.seq >>> 0, true);
  view.setFloat64(8, header.at, true);
  view.setUint32(16, header.segmentsHash >>> 0, true);
  view.setUint32(20, count, true);
}

/** Encodes the speed of every segment, in city order. */
export function encodeSnapshot(input: FrameHeaderInput & { speeds: Uint16Array }): Uint8Array {
  const count = input.speeds.length;
  const bytes = new Uint8Array(FRAME_HEADER_BYTES + count * 2);
  const view = new DataView(bytes.buffer);
  writeHeader(view, FRAME_KIND_SNAPSHOT, input, count);
  let offset = FRAME_HEADER_BYTES;
  for (let i = 0; i < count; i++, offset += 2) view.setUint16(offset, input.speeds[i]!, true);
  return bytes;
}

function varintLength(value: number): number {
  let length = 1;
  while (value >= 0x80) {
    value = Math.floor(value / 128);
    length++;
  }
  return length;
}

/** Encodes the segments that changed: ascending indices as varint gaps, then their speeds. */
export function encodeDelta(
  input: FrameHeaderInput & { indices: Uint32Array; speeds: Uint16Array },
): Uint8Array {
  const { indices, speeds } = input;
  const count = indices.length;
  if (speeds.length !== count) {
    throw new RangeError(`encodeDelta: ${count} indices but ${speeds.length} speeds`);
  }
  let gapBytes = 0;
  let previous = -1;
  for (let i = 0; i < count; i++) {
    const index = indices[i]!;
    if (index <= previous)
      throw new RangeError(`encodeDelta: indices must ascend (at position ${i}: ${index})`);
    gapBytes += varintLength(index - previous - 1);
    previous = index;
  }
  const bytes = new Uint8Array(FRAME_HEADER_BYTES + gapBytes + count * 2);
  const view = new DataView(bytes.buffer);
  writeHeader(view, FRAME_KIND_DELTA, input, count);
  let offset = FRAME_HEADER_BYTES;
  previous = -1;
  for (let i = 0; i < count; i++) {
    let gap = indices[i]! - previous - 1;
    previous = indices[i]!;
    while (gap >= 0x80) {
      bytes[offset++] = (gap & 0x7f) | 0x80;
      gap = Math.floor(gap / 128);
    }
    bytes[offset++] = gap;
  }
  for (let i = 0; i < count; i++, offset += 2) view.setUint16(offset, speeds[i]!, true);
  return bytes;
}

function toBytes(input: ArrayBuffer | ArrayBufferView): Uint8Array {
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw new WireFormatError(`frame must be binary, got ${typeof input}`);
}

/** Decodes a snapshot or delta frame; throws {@link WireFormatError} naming the defect. */
export function decodeFrame(input: ArrayBuffer | ArrayBufferView): TrafficFrame {
  const bytes = toBytes(input);
  if (bytes.byteLength < FRAME_HEADER_BYTES) {
    throw new WireFormatError(
      `frame is ${bytes.byteLength} bytes, shorter than the ${FRAME_HEADER_BYTES}-byte header`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint16(0, true);
  if (magic !== FRAME_MAGIC) throw new WireFormatError(`bad magic 0x${magic.toString(16)}, expected 0x4342`);
  const version = view.getUint8(2);
  if (version !== FRAME_VERSION) throw new WireFormatError(`unsupported frame version ${version}`);
  const kind = view.getUint8(3);
  if (kind !== FRAME_KIND_SNAPSHOT && kind !== FRAME_KIND_DELTA)
    throw new WireFormatError(`unknown frame kind ${kind}`);
  const seq = view.getUint32(4, true);
  const at = view.getFloat64(8, true);
  const segmentsHash = view.getUint32(16, true);
  const count = view.getUint32(20, true);
  const speeds = new Uint16Array(count);
  let offset = FRAME_HEADER_BYTES;
  if (kind === FRAME_KIND_SNAPSHOT) {
    const expected = FRAME_HEADER_BYTES + count * 2;
    if (bytes.byteLength !== expected) {
      throw new WireFormatError(
        `snapshot of ${count} segments must be ${expected} bytes, got ${bytes.byteLength}`,
      );
    }
    for (let i = 0; i < count; i++, offset += 2) speeds[i] = view.getUint16(offset, true);
    return { kind, seq, at, segmentsHash, indices: new Uint32Array(0), speeds };
  }
  const indices = new Uint32Array(count);
  let previous = -1;
  for (let i = 0; i < count; i++) {
    let gap = 0;
    let scale = 1;
    for (;;) {
      if (offset >= bytes.byteLength) throw new WireFormatError(`delta truncated in index ${i} of ${count}`);
      const byte = bytes[offset++]!;
      gap += (byte & 0x7f) * scale;
      if (byte < 0x80) break;
      scale *= 128;
      if (scale > 2 ** 35) throw new WireFormatError(`delta index ${i} varint is too long`);
    }
    previous = previous + gap + 1;
    if (previous > 0xffffffff) throw new WireFormatError(`delta index ${i} exceeds 32 bits`);
    indices[i] = previous;
  }
  if (bytes.byteLength !== offset + count * 2) {
    throw new WireFormatError(
      `delta of ${count} segments has ${bytes.byteLength - offset} speed bytes, expected ${count * 2}`,
    );
  }
  for (let i = 0; i < count; i++, offset += 2) speeds[i] = view.getUint16(offset, true);
  return { kind, seq, at, segmentsHash, indices, speeds };
}
