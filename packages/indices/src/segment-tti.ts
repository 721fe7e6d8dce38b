/**
 * Highest segment travel time index. A standing queue (speed near 0) would give an unbounded TTI; capping
 * it at 10 (travel time ten times the free-flow time) keeps area sums finite and one stopped segment from
 * swamping an area. Equivalent to flooring the speed at `freeFlowKmh / 10` in every travel-time sum.
 */
export const MAX_SEGMENT_TTI = 10;

/**
 * Segment travel time index: travel time over free-flow travel time, which for one segment is
 * `freeFlowKmh / speedKmh`. Clamped below at 1 (faster than free flow counts as free flow) and above at
 * {@link MAX_SEGMENT_TTI}.
 *
 * @param freeFlowKmh - free-flow speed, km/h, > 0
 * @param speedKmh - current speed, km/h, >= 0 (0 gives the cap)
 * @returns a number in [1, MAX_SEGMENT_TTI]
 * @throws RangeError on a non-positive free-flow speed or a negative or non-finite speed
 */
export function segmentTti(freeFlowKmh: number, speedKmh: number): number {
  if (!Number.isFinite(freeFlowKmh) || freeFlowKmh <= 0) {
    throw new RangeError(`freeFlowKmh must be a finite number > 0, got ${freeFlowKmh}`);
  }
  if (!Number.isFinite(speedKmh) || speedKmh < 0) {
    throw new RangeError(`speedKmh must be a finite number >= 0, got ${speedKmh}`);
  }
  return clampTti(freeFlowKmh / speedKmh);
}

/** Clamps a raw ratio into [1, MAX_SEGMENT_TTI]; `Infinity` (speed 0) gives the cap. */
export function clampTti(rawTti: number): number {
  if (rawTti < 1) return 1;
  if (rawTti > MAX_SEGMENT_TTI) return MAX_SEGMENT_TTI;
  return rawTti;
}
