import { MAX_FUTURE_SKEW_MS } from '@cbo/contracts';
import { SPEED_BAND_EDGES_BY_CLASS_INDEX } from './congestion-level';
import type { FreshnessOptions } from './compute-traffic-indices';
import { DEFAULT_FRESH_FOR_MS } from './freshness';
import type { IndicesCity } from './indices-city';
import type { SegmentState } from './segment-state';

/**
 * Writes each segment's GB/T 33171-2016 congestion level into `out` (1..5), or 0 where the segment has no
 * fresh reading. Allocates nothing; `out` is returned for chaining.
 *
 * @param out - one entry per segment
 * @throws RangeError when `out` or the state does not match the city's segment count
 */
export function computeSegmentLevels(
  city: IndicesCity,
  state: SegmentState,
  now: number,
  out: Uint8Array,
  options?: FreshnessOptions,
): Uint8Array {
  if (state.count !== city.segmentCount || out.length !== city.segmentCount) {
    throw new RangeError(
      `city has ${city.segmentCount} segments, state ${state.count}, out ${out.length}: they must match`,
    );
  }
  const freshForMs = options?.freshForMs ?? DEFAULT_FRESH_FOR_MS;
  const { roadClass } = city;
  const { speedKmh, observedAt } = state;
  // isFresh as two bounds, hoisted out of the loop.
  const latestUsable = now + MAX_FUTURE_SKEW_MS;
  const oldestFresh = now - freshForMs;
  const edges = SPEED_BAND_EDGES_BY_CLASS_INDEX;
  for (let i = 0; i < state.count; i += 1) {
    const at = observedAt[i]!;
    if (at <= 0 || at > latestUsable || at < oldestFresh) {
      out[i] = 0;
      continue;
    }
    const v = speedKmh[i]!;
    const base = roadClass[i]! * 4;
    out[i] =
      v > edges[base]!
        ? 1
        : v > edges[base + 1]!
          ? 2
          : v > edges[base + 2]!
            ? 3
            : v > edges[base + 3]!
              ? 4
              : 5;
  }
  return out;
}
