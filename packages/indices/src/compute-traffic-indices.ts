import type { AreaIndices } from '@cbo/contracts';
import { MAX_FUTURE_SKEW_MS } from '@cbo/contracts';
import { SPEED_BAND_EDGES_BY_CLASS_INDEX } from './congestion-level';
import { DEFAULT_FRESH_FOR_MS } from './freshness';
import type { IndicesCity } from './indices-city';
import { MAX_SEGMENT_TTI, clampTti } from './segment-tti';
import type { SegmentState } from './segment-state';
import { levelFromTpi, tpiFromTti } from './tpi';

/**
 * Flow stand-in per lane, vehicles per hour, used as the weight `q` of a segment whose reading carries no
 * flow. With no flow anywhere it cancels out (the weight is then exactly proportional to lanes); when some
 * readings carry flow it keeps the two kinds of weight on one scale.
 */
export const LANE_FLOW_PROXY_VPH = 600;

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

const TOTAL_LEN = 0;
const FRESH_LEN = 1;
const CONGESTED_LEN = 2;
const TT_NUM = 3;
const TT_DEN = 4;
const HARMONIC_DEN = 5;
const NEWEST_AT = 6;
const SEGMENTS = 7;
const FIELDS = 8;

/**
 * Area indices (network and per district) from the newest reading of every segment, in one pass over the
 * typed arrays. Formulas and sources: docs/indices.md.
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
  const freshForMs = options?.freshForMs ?? DEFAULT_FRESH_FOR_MS;
  const districtCount = city.districtIds.length;
  const acc = new Float64Array((districtCount + 1) * FIELDS);
  const { segmentDistrict, lengthM, freeFlowKmh, lanes, roadClass } = city;
  const { speedKmh, flowVph, observedAt } = state;
  // Freshness (see isFresh) as two bounds: usable when 0 < at <= latestUsable, fresh when also at >= oldestFresh.
  const latestUsable = now + MAX_FUTURE_SKEW_MS;
  const oldestFresh = now - freshForMs;

  for (let i = 0; i < state.count; i += 1) {
    const base = segmentDistrict[i]! * FIELDS;
    const lengthMeters = lengthM[i]!;
    acc[base + TOTAL_LEN]! += lengthMeters;
    acc[base + SEGMENTS]! += 1;
    const at = observedAt[i]!;
    if (at <= 0 || at > latestUsable) continue;
    if (at > acc[base + NEWEST_AT]!) acc[base + NEWEST_AT] = at;
    if (at < oldestFresh) continue;

    const vf = freeFlowKmh[i]!;
    const v = speedKmh[i]!;
    const flow = flowVph[i]!;
    const q = flow === flow ? flow : lanes[i]! * LANE_FLOW_PROXY_VPH; // flow === flow: not NaN
    const weight = (lengthMeters * q) / vf;
    acc[base + FRESH_LEN]! += lengthMeters;
    acc[base + TT_NUM]! += weight * clampTti(vf / v);
    acc[base + TT_DEN]! += weight;
    acc[base + HARMONIC_DEN]! += lengthMeters / Math.max(v, vf / MAX_SEGMENT_TTI);
    // Level 3 or worse by GB/T 33171-2016 is a speed at or below the class's second band edge.
    if (v <= SPEED_BAND_EDGES_BY_CLASS_INDEX[roadClass[i]! * 4 + 1]!)
      acc[base + CONGESTED_LEN]! += lengthMeters;
  }

  const networkBase = districtCount * FIELDS;
  for (let d = 0; d < districtCount; d += 1) {
    for (let f = 0; f < FIELDS; f += 1) {
      if (f === NEWEST_AT) {
        acc[networkBase + f] = Math.max(acc[networkBase + f]!, acc[d * FIELDS + f]!);
      } else {
        acc[networkBase + f]! += acc[d * FIELDS + f]!;
      }
    }
  }

  const districts: AreaIndices[] = [];
  for (let d = 0; d < districtCount; d += 1)
    districts.push(areaFromAccumulator(city.districtIds[d]!, acc, d, now));
  return { network: areaFromAccumulator('network', acc, districtCount, now), districts };
}

function areaFromAccumulator(areaId: string, acc: Float64Array, slot: number, now: number): AreaIndices {
  const base = slot * FIELDS;
  const totalLen = acc[base + TOTAL_LEN]!;
  const freshLen = acc[base + FRESH_LEN]!;
  const ttDen = acc[base + TT_DEN]!;
  const newestAt = acc[base + NEWEST_AT]!;
  const tti = ttDen > 0 ? acc[base + TT_NUM]! / ttDen : null;
  const tpi = tti === null ? null : tpiFromTti(tti);
  return {
    areaId,
    tti,
    tpi,
    level: tpi === null ? 0 : levelFromTpi(tpi),
    meanSpeedKmh: freshLen > 0 ? freshLen / acc[base + HARMONIC_DEN]! : null,
    congestedLengthShare: freshLen > 0 ? acc[base + CONGESTED_LEN]! / freshLen : null,
    coverage: totalLen > 0 ? freshLen / totalLen : 0,
    newestInputAgeMs: newestAt > 0 ? Math.max(0, now - newestAt) : null,
    segmentCount: acc[base + SEGMENTS]!,
  };
}
