import type { AreaTrafficMetrics, TrafficAreaKind, TrafficMetrics } from '@cbo/contracts';
import { DEFAULT_FRESH_FOR_MS } from '../freshness';
import type { SegmentState } from '../segment-state';
import {
  AREA_FIELDS,
  INCIDENTS,
  POINTS,
  VEHICLES,
  accumulateSegments,
  addDistrictsIntoNetwork,
  readAreaIndices,
} from './area-accumulator';
import { countCongestionPoints } from './count-congestion-points';
import type { MetricsLayout } from './metrics-layout';

/** Options of {@link computeTrafficMetrics}. */
export interface TrafficMetricsOptions {
  /** A reading older than this is stale and left out, ms. @default 300_000 */
  freshForMs?: number;
  /** Per segment, non-zero where a suspected incident is active (the detector's `activeBySegment`). */
  incidentSegments?: Uint8Array;
  /** Whether to build the per-street list (the network and districts are always built). @default true */
  streets?: boolean;
}

/**
 * The seven real-time traffic metrics (vehicles in transit, TPI, TTI, mean speed, congested mileage share,
 * congestion points, active incidents) for the network, each district and each street, in one pass over the
 * typed arrays (the accumulation kernel shared with `computeTrafficIndices`) plus one pass over the upstream
 * links. Allocates nothing per segment (only the result objects, one per area). Formulas and sources:
 * docs/indices.md section 2.7.
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
  const districtCount = city.districtIds.length;
  const streetBase = districtCount + 1;
  acc.fill(0);
  accumulateSegments(city, state, now, options?.freshForMs ?? DEFAULT_FRESH_FOR_MS, {
    acc,
    secondSlot: segmentStreet,
    secondSlotBase: streetBase,
    incidents: incidents ?? null,
    congested,
    vehicles: true,
  });
  addDistrictsIntoNetwork(acc, districtCount);
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
    network: areaMetrics('network', 'network', acc, districtCount, now),
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
  const base = slot * AREA_FIELDS;
  const { tti, tpi, level, meanSpeedKmh, congestedLengthShare, coverage, newestInputAgeMs, segmentCount } =
    readAreaIndices(areaId, acc, slot, now);
  return {
    areaId,
    kind,
    vehiclesInTransit: acc[base + VEHICLES]!,
    tpi,
    level,
    tti,
    meanSpeedKmh,
    congestedLengthShare,
    congestionPoints: acc[base + POINTS]!,
    activeIncidents: acc[base + INCIDENTS]!,
    coverage,
    newestInputAgeMs,
    segmentCount,
  };
}
