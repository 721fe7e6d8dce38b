import type { AreaIndices } from '@cbo/contracts';
import { MAX_FUTURE_SKEW_MS } from '@cbo/contracts';
import { SPEED_BAND_EDGES_BY_CLASS_INDEX } from '../congestion-level';
import type { IndicesCity } from '../indices-city';
import type { SegmentState } from '../segment-state';
import { MAX_SEGMENT_TTI, clampTti } from '../segment-tti';
import { levelFromTpi, tpiFromTti } from '../tpi';
import { segmentVehicles } from './segment-vehicles';

/**
 * Flow stand-in per lane, vehicles per hour, used as the weight `q` of a segment whose reading carries no
 * flow. With no flow anywhere it cancels out (the weight is then exactly proportional to lanes); when some
 * readings carry flow it keeps the two kinds of weight on one scale.
 */
export const LANE_FLOW_PROXY_VPH = 600;

// Fields of one area's accumulator, AREA_FIELDS per area.
/** Σ length, m. */
export const TOTAL_LEN = 0;
/** Σ length of fresh segments, m. */
export const FRESH_LEN = 1;
/** Σ length of fresh segments at GB/T level 3 or worse, m. */
export const CONGESTED_LEN = 2;
/** Σ L·q/vf · clamped segment TTI (numerator of the area TTI). */
export const TT_NUM = 3;
/** Σ L·q/vf (denominator of the area TTI). */
export const TT_DEN = 4;
/** Σ L / v, v floored at vf / 10 (denominator of the harmonic mean speed). */
export const HARMONIC_DEN = 5;
/** Newest usable reading, epoch ms (a max, not a sum). */
export const NEWEST_AT = 6;
/** Segments, count. */
export const SEGMENTS = 7;
/** Σ vehicles on fresh segments. */
export const VEHICLES = 8;
/** Segments with an active suspected incident, count. */
export const INCIDENTS = 9;
/** Congestion points (written by the caller after the pass). */
export const POINTS = 10;
/** Fields per area. */
export const AREA_FIELDS = 11;

/** The parts of a city the accumulation reads. */
export type AccumulatedCity = Pick<
  IndicesCity,
  'segmentCount' | 'segmentDistrict' | 'lengthM' | 'freeFlowKmh' | 'lanes' | 'roadClass'
>;

/**
 * Where {@link accumulateSegments} adds, besides each segment's district slot (its district index). Always
 * the same shape (null, not absent) so the hot loop stays monomorphic for both callers.
 */
export interface AccumulateTargets {
  /** Per-area accumulator, {@link AREA_FIELDS} per slot, zeroed by the caller. */
  acc: Float64Array;
  /** Per segment, a second slot to add to (offset by `secondSlotBase`), e.g. its street; null for none. */
  secondSlot: Uint32Array | null;
  secondSlotBase: number;
  /** Per segment, non-zero where a suspected incident is active; null for none. */
  incidents: Uint8Array | null;
  /** Written per segment (when not null): 1 when fresh and at level 4 or worse, else 0. */
  congested: Uint8Array | null;
  /** Whether to add vehicles in transit (the indices alone do not need them). */
  vehicles: boolean;
}

/** Targets of the district (and network) indices alone. */
export function districtTargets(acc: Float64Array): AccumulateTargets {
  return { acc, secondSlot: null, secondSlotBase: 0, incidents: null, congested: null, vehicles: false };
}

/**
 * The one accumulation kernel of the area indices and the seven metrics: a single pass over the typed arrays
 * adding every segment to its district slot (and its second slot). A reading is usable when
 * `0 < observedAt <= now + MAX_FUTURE_SKEW_MS` and fresh when also `observedAt >= now - freshForMs`.
 */
export function accumulateSegments(
  city: AccumulatedCity,
  state: SegmentState,
  now: number,
  freshForMs: number,
  targets: AccumulateTargets,
): void {
  const { acc, secondSlot, secondSlotBase, incidents, congested } = targets;
  const withVehicles = targets.vehicles;
  const { segmentDistrict, lengthM, freeFlowKmh, lanes, roadClass } = city;
  const { speedKmh, flowVph, observedAt } = state;
  const latestUsable = now + MAX_FUTURE_SKEW_MS;
  const oldestFresh = now - freshForMs;
  const two = secondSlot !== null;

  for (let i = 0; i < city.segmentCount; i += 1) {
    const d = segmentDistrict[i]! * AREA_FIELDS;
    const s = two ? (secondSlotBase + secondSlot[i]!) * AREA_FIELDS : 0;
    const len = lengthM[i]!;
    if (congested !== null) congested[i] = 0;
    acc[d + TOTAL_LEN]! += len;
    acc[d + SEGMENTS]! += 1;
    if (two) {
      acc[s + TOTAL_LEN]! += len;
      acc[s + SEGMENTS]! += 1;
    }
    if (incidents !== null && incidents[i] !== 0) {
      acc[d + INCIDENTS]! += 1;
      if (two) acc[s + INCIDENTS]! += 1;
    }
    const at = observedAt[i]!;
    if (at <= 0 || at > latestUsable) continue;
    if (at > acc[d + NEWEST_AT]!) acc[d + NEWEST_AT] = at;
    if (two && at > acc[s + NEWEST_AT]!) acc[s + NEWEST_AT] = at;
    if (at < oldestFresh) continue;

    const vf = freeFlowKmh[i]!;
    const v = speedKmh[i]!;
    const flow = flowVph[i]!;
    const q = flow === flow ? flow : lanes[i]! * LANE_FLOW_PROXY_VPH; // flow === flow: not NaN
    const weight = (len * q) / vf;
    const ttNum = weight * clampTti(vf / v);
    const harmonic = len / Math.max(v, vf / MAX_SEGMENT_TTI);
    const vehicles = withVehicles ? segmentVehicles(len, lanes[i]!, vf, v, flow) : 0;
    // GB/T 33171-2016 level 3 or worse is a speed at or below the class's second band edge; 4, its third.
    const edges = roadClass[i]! * 4;
    const congestedLen = v <= SPEED_BAND_EDGES_BY_CLASS_INDEX[edges + 1]! ? len : 0;
    if (congested !== null && v <= SPEED_BAND_EDGES_BY_CLASS_INDEX[edges + 2]!) congested[i] = 1;
    acc[d + FRESH_LEN]! += len;
    acc[d + TT_NUM]! += ttNum;
    acc[d + TT_DEN]! += weight;
    acc[d + HARMONIC_DEN]! += harmonic;
    acc[d + VEHICLES]! += vehicles;
    acc[d + CONGESTED_LEN]! += congestedLen;
    if (two) {
      acc[s + FRESH_LEN]! += len;
      acc[s + TT_NUM]! += ttNum;
      acc[s + TT_DEN]! += weight;
      acc[s + HARMONIC_DEN]! += harmonic;
      acc[s + VEHICLES]! += vehicles;
      acc[s + CONGESTED_LEN]! += congestedLen;
    }
  }
}

/** Adds the district slots `0..districtCount-1` into the network slot `districtCount` (NEWEST_AT: max). */
export function addDistrictsIntoNetwork(acc: Float64Array, districtCount: number): void {
  const n = districtCount * AREA_FIELDS;
  for (let d = 0; d < districtCount; d += 1) {
    for (let f = 0; f < AREA_FIELDS; f += 1) {
      const value = acc[d * AREA_FIELDS + f]!;
      if (f === NEWEST_AT) acc[n + f] = Math.max(acc[n + f]!, value);
      else acc[n + f]! += value;
    }
  }
}

/** The area indices of one accumulator slot: TTI, TPI, level, mean speed, congested share, coverage, age. */
export function readAreaIndices(areaId: string, acc: Float64Array, slot: number, now: number): AreaIndices {
  const base = slot * AREA_FIELDS;
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
