/**
 * Latest reading per segment, in typed arrays indexed like `city.segments`. Mutated in place by
 * {@link applyObservation}; read by the index computations.
 */
export interface SegmentState {
  readonly count: number;
  /** Newest speed per segment, km/h (meaningful only where `observedAt` is not 0). */
  speedKmh: Float32Array;
  /** Newest flow per segment, vehicles per hour; NaN when the reading carried none. */
  flowVph: Float32Array;
  /** Time of the newest reading per segment, epoch ms; 0 when the segment was never observed. */
  observedAt: Float64Array;
}

/** What {@link applyObservation} did with a reading. */
export type ApplyOutcome = 'applied' | 'duplicate' | 'out-of-order';

/** Creates an empty state for `count` segments (nothing observed yet). */
export function createSegmentState(count: number): SegmentState {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`count must be a non-negative integer, got ${count}`);
  }
  return {
    count,
    speedKmh: new Float32Array(count),
    flowVph: new Float32Array(count).fill(Number.NaN),
    observedAt: new Float64Array(count),
  };
}

/**
 * Applies one validated reading to the state.
 *
 * - newer than the held reading (or the first one): stored, `'applied'`;
 * - same `observedAt` as the held reading: `'duplicate'`, the held reading is kept (first one wins);
 * - older than the held reading: `'out-of-order'`, state unchanged (the caller may still record it).
 *
 * @param index - segment index, 0 <= index < state.count
 * @param observedAt - epoch ms, > 0
 * @param speedKmh - km/h, >= 0
 * @param flowVph - vehicles per hour when the sensor counts them
 * @throws RangeError on an index out of range or a non-positive `observedAt` (inputs are validated at ingest)
 */
export function applyObservation(
  state: SegmentState,
  index: number,
  observedAt: number,
  speedKmh: number,
  flowVph?: number,
): ApplyOutcome {
  if (!Number.isInteger(index) || index < 0 || index >= state.count) {
    throw new RangeError(`segment index ${index} out of range 0..${state.count - 1}`);
  }
  if (!(observedAt > 0)) throw new RangeError(`observedAt must be epoch ms > 0, got ${observedAt}`);
  const held = state.observedAt[index]!;
  if (observedAt === held) return 'duplicate';
  if (observedAt < held) return 'out-of-order';
  state.observedAt[index] = observedAt;
  state.speedKmh[index] = speedKmh;
  state.flowVph[index] = flowVph ?? Number.NaN;
  return 'applied';
}
