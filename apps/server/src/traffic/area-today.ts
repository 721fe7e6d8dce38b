import type { AreaCurvePoint, AreaToday, AreaTrafficMetrics, DrilldownKind } from '@cbo/contracts';
import { SPEED_UNKNOWN } from '@cbo/contracts';
import {
  MINUTES_PER_DAY,
  congestionLevelForSpeed,
  isFresh,
  levelFromTpi,
  segmentTti,
  segmentVehicles,
  tpiFromTti,
  typicalTti,
  type SegmentState,
} from '@cbo/indices';
import { dequantizeSpeed } from '@cbo/wire';
import { typicalSegmentSpeed } from './segment-typical-speed';
import { SEGMENT_SLOTS, SEGMENT_SLOT_MINUTES } from './traffic-day-recorder';
import type { TrafficInsightsService } from './traffic-insights';

/** Step of the network and district drill-down curves, minutes. */
export const AREA_STEP_MINUTES = 5;
/** Camera events listed in a drill-down, at most. */
const EVENTS_LISTED = 50;

const round = (value: number | null, digits: number): number | null =>
  value === null || Number.isNaN(value) ? null : Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * The drill-down of one area today: per-step TTI and speed against the typical day, current metrics,
 * incidents, camera events and forecast. Null when the id is unknown for that kind.
 */
export function buildAreaToday(
  service: TrafficInsightsService,
  state: SegmentState,
  kind: DrilldownKind,
  id: string,
): AreaToday | null {
  return kind === 'segment' ? segmentToday(service, state, id) : areaToday(service, kind, id);
}

function areaToday(
  service: TrafficInsightsService,
  kind: 'network' | 'district',
  id: string,
): AreaToday | null {
  const { city } = service;
  const d = city.districtIds.indexOf(id);
  if (kind === 'network' ? id !== 'network' : d < 0) return null;
  const a = kind === 'network' ? 0 : d + 1;
  const { acc, record } = service.today();
  const tti =
    a === 0 ? acc.networkTti : acc.districtTti.subarray((a - 1) * MINUTES_PER_DAY, a * MINUTES_PER_DAY);
  const speed = record.areaSpeedKmh[a]!;
  const points: AreaCurvePoint[] = [];
  for (let m = 0; m < MINUTES_PER_DAY; m += AREA_STEP_MINUTES) {
    const at = acc.dayStart + m * 60_000;
    points.push({
      at,
      tti: round(tti[m]!, 3),
      typicalTti: round(typicalTti(service.ttiForecaster, id, at), 3),
      speedKmh: round(speed[m]!, 1),
      typicalSpeedKmh: round(typicalTti(service.speedProfile, id, at), 1),
    });
  }
  const latest = service.latest();
  const district = kind === 'district' ? city.document.districts.find((entry) => entry.id === id) : undefined;
  const inArea = (districtId: string | null): boolean => kind === 'network' || districtId === id;
  return {
    kind,
    id,
    nameZh: district?.nameZh ?? '全网',
    nameEn: district?.nameEn ?? 'Network',
    dayStart: acc.dayStart,
    stepMinutes: AREA_STEP_MINUTES,
    points,
    metrics: a === 0 ? latest.network : (latest.districts[d] ?? null),
    incidents: latest.incidents.filter((incident) => inArea(incident.districtId)),
    events: service.events
      .between(acc.dayStart, latest.computedAt, 5_000)
      .filter((event) => inArea(event.districtId))
      .slice(0, EVENTS_LISTED),
    forecast: latest.forecasts.find((forecast) => forecast.areaId === id) ?? null,
  };
}

function segmentToday(service: TrafficInsightsService, state: SegmentState, id: string): AreaToday | null {
  const { city } = service;
  const i = city.segmentIndexById.get(id);
  if (i === undefined) return null;
  const segment = city.segments[i]!;
  const { acc, record } = service.today();
  const points: AreaCurvePoint[] = [];
  for (let slot = 0; slot < SEGMENT_SLOTS; slot += 1) {
    const q = record.segmentSpeed[i * SEGMENT_SLOTS + slot]!;
    const speedKmh = q === SPEED_UNKNOWN ? null : dequantizeSpeed(q);
    const typical = typicalSegmentSpeed(
      service.segmentTypical,
      i,
      Math.floor((slot * SEGMENT_SLOT_MINUTES) / 60),
      acc.weekend,
    );
    points.push({
      at: acc.dayStart + slot * SEGMENT_SLOT_MINUTES * 60_000,
      tti: speedKmh === null ? null : round(segmentTti(segment.freeFlowKmh, speedKmh), 3),
      typicalTti: typical === null ? null : round(segmentTti(segment.freeFlowKmh, typical), 3),
      speedKmh: round(speedKmh, 1),
      typicalSpeedKmh: round(typical, 1),
    });
  }
  const latest = service.latest();
  return {
    kind: 'segment',
    id,
    nameZh: segment.nameZh,
    nameEn: segment.nameEn,
    dayStart: acc.dayStart,
    stepMinutes: SEGMENT_SLOT_MINUTES,
    points,
    metrics: segmentMetrics(service, state, i, latest.computedAt),
    incidents: [
      ...latest.incidents.filter((incident) => incident.segmentId === id),
      ...service
        .incidents()
        .cleared.filter((incident) => incident.segmentId === id && incident.startedAt >= acc.dayStart),
    ],
    events: service.events
      .between(acc.dayStart, latest.computedAt, 5_000)
      .filter((event) => event.segmentId === id)
      .slice(0, EVENTS_LISTED),
    forecast: null,
  };
}

/** The seven metrics of one segment as an area of its own. */
export function segmentMetrics(
  service: TrafficInsightsService,
  state: SegmentState,
  i: number,
  now: number,
): AreaTrafficMetrics {
  const segment = service.city.segments[i]!;
  const observedAt = state.observedAt[i]!;
  const fresh = isFresh(observedAt, now, service.freshForMs);
  const speedKmh = state.speedKmh[i]!;
  const tti = fresh ? segmentTti(segment.freeFlowKmh, speedKmh) : null;
  const tpi = tti === null ? null : tpiFromTti(tti);
  const gbLevel = fresh ? congestionLevelForSpeed(segment.roadClass, speedKmh) : 0;
  return {
    areaId: segment.id,
    kind: 'street',
    vehiclesInTransit: fresh
      ? round(
          segmentVehicles(segment.lengthM, segment.lanes, segment.freeFlowKmh, speedKmh, state.flowVph[i]!),
          1,
        )!
      : 0,
    tpi: round(tpi, 2),
    level: tpi === null ? 0 : levelFromTpi(tpi),
    tti: round(tti, 3),
    meanSpeedKmh: fresh ? round(speedKmh, 1) : null,
    congestedLengthShare: fresh ? (gbLevel >= 3 ? 1 : 0) : null,
    congestionPoints: fresh && gbLevel >= 4 ? 1 : 0,
    activeIncidents: service.detector.activeBySegment[i]! > 0 ? 1 : 0,
    coverage: fresh ? 1 : 0,
    newestInputAgeMs: observedAt > 0 ? Math.max(0, now - observedAt) : null,
    segmentCount: 1,
  };
}
