import type { AreaIndices } from '@cbo/contracts';
import { DEFAULT_FRESH_FOR_MS } from './freshness';
import type { IndicesCity } from './indices-city';
import type { SegmentState } from './segment-state';
import {
  AREA_FIELDS,
  accumulateSegments,
  addDistrictsIntoNetwork,
  districtTargets,
  readAreaIndices,
} from './metrics/area-accumulator';

export { LANE_FLOW_PROXY_VPH } from './metrics/area-accumulator';

/** Indices of the whole network and of each district at one instant. */
export interface TrafficIndices {
  network: AreaIndices;
  /** In `city.districtIds` order; `areaId` is the district id. */
  districts: AreaIndices[];
}

/** Options of {@link computeTrafficIndices} and `computeSegmentLevels`. */
export interface FreshnessOptions {
  /** A reading older than this is stale and left out, ms. @default 300_000 */
  freshForMs?: number;
}

/**
 * Area indices (network and per district) from the newest reading of every segment, in one pass over the
 * typed arrays (the accumulation kernel shared with `computeTrafficMetrics`). Formulas and sources:
 * docs/indices.md.
 *
 * - TTI = Σ(L·q·tti) / Σ(L·q/vf) over fresh segments, where tti is the clamped segment TTI (so Σ L·q/v with
 *   v floored at vf/10 and capped at vf), q = flowVph when known else lanes·LANE_FLOW_PROXY_VPH;
 * - TPI from TTI by `tpiFromTti`, level from TPI by `levelFromTpi` (0 when there is no fresh input);
 * - mean speed: length-weighted harmonic mean, ΣL / Σ(L/v), v floored at vf/10;
 * - congested length share: fresh length at GB/T 33171 level >= 3 over fresh length;
 * - coverage: fresh length over total length; newestInputAgeMs: now minus the newest usable reading.
 *
 * @throws RangeError when the state's size differs from the city's segment count
 */
export function computeTrafficIndices(
  city: IndicesCity,
  state: SegmentState,
  now: number,
  options?: FreshnessOptions,
): TrafficIndices {
  if (state.count !== city.segmentCount) {
    throw new RangeError(`state has ${state.count} segments, city has ${city.segmentCount}`);
  }
  const districtCount = city.districtIds.length;
  const acc = new Float64Array((districtCount + 1) * AREA_FIELDS);
  accumulateSegments(city, state, now, options?.freshForMs ?? DEFAULT_FRESH_FOR_MS, districtTargets(acc));
  addDistrictsIntoNetwork(acc, districtCount);
  const districts: AreaIndices[] = [];
  for (let d = 0; d < districtCount; d += 1)
    districts.push(readAreaIndices(city.districtIds[d]!, acc, d, now));
  return { network: readAreaIndices('network', acc, districtCount, now), districts };
}
