import type { SegmentObservation } from '@cbo/contracts';
import type { SegmentState } from '@cbo/indices';

/** Total readings the buffer holds over all segments; the per-segment depth is derived from it. */
export const OBSERVATION_BUFFER_BUDGET = 2_000_000;
/** Per-segment depth bounds. */
export const MIN_DEPTH = 8;
export const MAX_DEPTH = 240;

/**
 * Bounded in-memory ring of recent readings per segment (typed arrays, allocated once): the drill-down's
 * raw observations until a history store answers for older ones.
 */
export interface SegmentObservationBuffer {
  readonly depth: number;
  /** Copies every segment whose held reading is newer than the last one buffered (call once per tick). */
  capture(state: SegmentState): number;
  /** Readings of one segment with `from <= observedAt <= to`, oldest first. */
  read(index: number, from: number, to: number): SegmentObservation[];
  /** Oldest reading held for a segment once its ring has wrapped (older ones are gone); null before. */
  heldSince(index: number): number | null;
}

/**
 * Creates the buffer for `segmentCount` segments with depth `budget / segmentCount` clamped to
 * [{@link MIN_DEPTH}, {@link MAX_DEPTH}] (240 readings, 4 h at one a minute, for the 3,278-segment fixture;
 * 40 for 50,000 segments). Memory: 16 bytes per slot.
 */
export function createSegmentObservationBuffer(
  segmentCount: number,
  budget: number = OBSERVATION_BUFFER_BUDGET,
): SegmentObservationBuffer {
  const depth = Math.max(MIN_DEPTH, Math.min(MAX_DEPTH, Math.floor(budget / Math.max(1, segmentCount))));
  const at = new Float64Array(segmentCount * depth);
  const speed = new Float32Array(segmentCount * depth);
  const flow = new Float32Array(segmentCount * depth);
  const head = new Uint32Array(segmentCount);
  const size = new Uint32Array(segmentCount);
  const wrapped = new Uint8Array(segmentCount);
  const lastAt = new Float64Array(segmentCount);

  return {
    depth,
    capture(state) {
      let captured = 0;
      for (let i = 0; i < segmentCount; i += 1) {
        const observedAt = state.observedAt[i]!;
        if (observedAt <= lastAt[i]!) continue;
        lastAt[i] = observedAt;
        const slot = i * depth + head[i]!;
        at[slot] = observedAt;
        speed[slot] = state.speedKmh[i]!;
        flow[slot] = state.flowVph[i]!;
        head[i] = (head[i]! + 1) % depth;
        if (size[i]! < depth) size[i] = size[i]! + 1;
        else wrapped[i] = 1;
        captured += 1;
      }
      return captured;
    },
    read(index, from, to) {
      const out: SegmentObservation[] = [];
      const n = size[index]!;
      const start = (head[index]! - n + depth) % depth;
      for (let k = 0; k < n; k += 1) {
        const slot = index * depth + ((start + k) % depth);
        const observedAt = at[slot]!;
        if (observedAt < from || observedAt > to) continue;
        const flowVph = flow[slot]!;
        out.push({
          observedAt,
          speedKmh: Math.round(speed[slot]! * 10) / 10,
          flowVph: Number.isNaN(flowVph) ? null : Math.round(flowVph),
        });
      }
      return out;
    },
    heldSince(index) {
      if (!wrapped[index]) return null;
      return at[index * depth + head[index]!]!;
    },
  };
}
