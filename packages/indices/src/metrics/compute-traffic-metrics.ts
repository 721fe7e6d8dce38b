import type { AreaTrafficMetrics, TrafficAreaKind, TrafficMetrics } from '@cbo/contracts';
import { MAX_FUTURE_SKEW_MS } from '@cbo/contracts';
import { levelForClassIndex } from '../congestion-level';
import { LANE_FLOW_PROXY_VPH } from '../compute-traffic-indices';
import { DEFAULT_FRESH_FOR_MS } from '../freshness';
import type { SegmentState } from '../segment-state';
import { MAX_SEGMENT_TTI, clampTti } from '../segment-tti';
import { levelFromTpi, tpiFromTti } from '../tpi';
import { countCongestionPoints } from './count-congestion-points';
import { METRIC_FIELDS } from './metrics-layout';
import type { MetricsLayout } from './metrics-layout';
import { segmentVehicles } from './segment-vehicles';

/** Options of {@link computeTrafficMetrics}. */
export interface TrafficMetricsOptions {
  /** A reading older than this is stale and left out, ms. @default 300_000 */
  freshForMs?: number;
  /** Per segment, non-zero where a suspected incident is active (the detector's `activeBySegment`). */
  incidentSegments?: Uint8Array;
  /** Whether to build the per-street list (the network and districts are always built). @default true */
  streets?: boolean;
}

// Accumulator fields, METRIC_FIELDS per area.
const TOTAL_LEN = 0;
const FRESH_LEN = 1;
const CONGESTED_LEN = 2;
const TT_NUM = 3;
const TT_DEN = 4;
const HARMONIC_DEN = 5;
const NEWEST_AT = 6;
const SEGMENTS = 7;
const VEHICLES = 8;
const INCIDENTS = 9;
const POINTS = 10;

/**
 * The seven real-time traffic metrics (vehicles in transit, TPI, TTI, mean speed, congested mileage share,
 * congestion points, active incidents) for the network, each district and each street, in one pass over the
 * typed arrays plus one pass over the upstream links. Allocates nothing per segment (only the result objects,
 * one per area). Formulas and sources: docs/indices.md section 2.7.
 *
 * @throws RangeError when the state's size, or that of `incidentSegments`, differs from the city's
 */
export function computeTrafficMetrics(
  layout: MetricsLayout,
  state: SegmentState,
  now: number,
  options?: TrafficMetricsOptions,
): TrafficMetrics {
  const { city, segmentStreet, congested, accumulator: acc } = layout;
  if (state.count !== city.segmentCount) {
    throw new RangeError(`state has ${state.count} segments, city has ${city.segmentCount}`);
  }
  const incidents = options?.incidentSegments;
  if (incidents && incidents.length !== city.segmentCount) {
    throw new RangeError(`incidentSegments has ${incidents.length} entries, city has ${city.segmentCount}`);
  }
  const freshForMs = options?.freshForMs ?? DEFAULT_FRESH_FOR_MS;
  const districtCount = city.districtIds.length;
  const networkSlot = districtCount;
  const streetBase = districtCount + 1;
  acc.fill(0);
  const { segmentDistrict, lengthM, freeFlowKmh, lanes, roadClass } = city;
  const { speedKmh, flowVph, observedAt } = state;
  const latestUsable = now + MAX_FUTURE_SKEW_MS;
  const oldestFresh = now - freshForMs;

  for (let i = 0; i < city.segmentCount; i += 1) {
    const d = segmentDistrict[i]! * METRIC_FIELDS;
    const s = (streetBase + segmentStreet[i]!) * METRIC_FIELDS;
    const len = lengthM[i]!;
    congested[i] = 0;
    acc[d + TOTAL_LEN]! += len;
    acc[s + TOTAL_LEN]! += len;
    acc[d + SEGMENTS]! += 1;
    acc[s + SEGMENTS]! += 1;
    if (incidents && incidents[i] !== 0) {
      acc[d + INCIDENTS]! += 1;
      acc[s + INCIDENTS]! += 1;
    }
    const at = observedAt[i]!;
    if (at <= 0 || at > latestUsable) continue;
    if (at > acc[d + NEWEST_AT]!) acc[d + NEWEST_AT] = at;
    if (at > acc[s + NEWEST_AT]!) acc[s + NEWEST_AT] = at;
    if (at < oldestFresh) continue;

    const vf = freeFlowKmh[i]!;
    const v = speedKmh[i]!;
    const flow = flowVph[i]!;
    const q = flow === flow ? flow : lanes[i]! * LANE_FLOW_PROXY_VPH;
    const weight = (len * q) / vf;
    const ttNum = weight * clampTti(vf / v);
    const harmonic = len / Math.max(v, vf / MAX_SEGMENT_TTI);
    const vehicles = segmentVehicles(len, lanes[i]!, vf, v, flow);
    const level = levelForClassIndex(roadClass[i]!, v);
    const congestedLen = level >= 3 ? len : 0;
    if (level >= 4) congested[i] = 1;
    acc[d + FRESH_LEN]! += len;
    acc[s + FRESH_LEN]! += len;
    acc[d + TT_NUM]! += ttNum;
    acc[s + TT_NUM]! += ttNum;
    acc[d + TT_DEN]! += weight;
    acc[s + TT_DEN]! += weight;
    acc[d + HARMONIC_DEN]! += harmonic;
    acc[s + HARMONIC_DEN]! += harmonic;
    acc[d + VEHICLES]! += vehicles;
    acc[s + VEHICLES]! += vehicles;
    acc[d + CONGESTED_LEN]! += congestedLen;
    acc[s + CONGESTED_LEN]! += congestedLen;
  }

  const n = networkSlot * METRIC_FIELDS;
  for (let d = 0; d < districtCount; d += 1) {
    for (let f = 0; f < METRIC_FIELDS; f += 1) {
      const value = acc[d * METRIC_FIELDS + f]!;
      if (f === NEWEST_AT) acc[n + f] = Math.max(acc[n + f]!, value);
      else acc[n + f]! += value;
    }
  }
  countCongestionPoints(layout);

  const districts: AreaTrafficMetrics[] = [];
  for (let d = 0; d < districtCount; d += 1) {
    districts.push(areaMetrics(city.districtIds[d]!, 'district', acc, d, now));
  }
  const streets: AreaTrafficMetrics[] = [];
  if (options?.streets ?? true) {
    for (let s = 0; s < layout.streetIds.length; s += 1) {
      streets.push(areaMetrics(layout.streetIds[s]!, 'street', acc, streetBase + s, now));
    }
  }
  return {
    computedAt: now,
    network: areaMetrics('network', 'network', acc, networkSlot, now),
    districts,
    streets,
  };
}

function areaMetrics(
  areaId: string,
  kind: TrafficAreaKind,
  acc: Float64Array,
  slot: number,
  now: number,
): AreaTrafficMetrics {
  const base = slot * METRIC_FIELDS;
  const totalLen = acc[base + TOTAL_LEN]!;
  const freshLen = acc[base + FRESH_LEN]!;
  const ttDen = acc[base + TT_DEN]!;
  const newestAt = acc[base + NEWEST_AT]!;
  const tti = ttDen > 0 ? acc[base + TT_NUM]! / ttDen : null;
  const tpi = tti === null ? null : tpiFromTti(tti);
  return {
    areaId,
    kind,
    vehiclesInTransit: acc[base + VEHICLES]!,
    tpi,
    level: tpi === null ? 0 : levelFromTpi(tpi),
    tti,
    meanSpeedKmh: freshLen > 0 ? freshLen / acc[base + HARMONIC_DEN]! : null,
    congestedLengthShare: freshLen > 0 ? acc[base + CONGESTED_LEN]! / freshLen : null,
    congestionPoints: acc[base + POINTS]!,
    activeIncidents: acc[base + INCIDENTS]!,
    coverage: totalLen > 0 ? freshLen / totalLen : 0,
    newestInputAgeMs: newestAt > 0 ? Math.max(0, now - newestAt) : null,
    segmentCount: acc[base + SEGMENTS]!,
  };
}
