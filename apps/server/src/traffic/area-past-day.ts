import type { AreaCurvePoint, AreaIndices, AreaToday, DrilldownKind, TrafficNow } from '@cbo/contracts';
import { SPEED_UNKNOWN } from '@cbo/contracts';
import {
  DAY_MS,
  MINUTES_PER_DAY,
  computeTrafficMetrics,
  createSegmentState,
  localDayOf,
  segmentTti,
  typicalTti,
  type SegmentState,
} from '@cbo/indices';
import { dequantizeSpeed } from '@cbo/wire';
import type { HistoryStore } from '../history/history-store';
import { seekRecordedState } from '../history/replay-cursor';
import { AREA_STEP_MINUTES, segmentMetrics } from './area-today';
import { typicalSegmentSpeed } from './segment-typical-speed';
import { SEGMENT_SLOTS, SEGMENT_SLOT_MINUTES } from './traffic-day-recorder';
import type { TrafficInsightsService } from './traffic-insights';

/** Camera events listed in a drill-down, at most. */
const EVENTS_LISTED = 50;
const MINUTE_MS = 60_000;

const round = (value: number | null | undefined, digits: number): number | null =>
  value == null || Number.isNaN(value) ? null : Math.round(value * 10 ** digits) / 10 ** digits;

/** What {@link buildAreaPastDay} reads. */
export interface AreaPastDayDeps {
  service: TrafficInsightsService;
  /** The recorded days; null when the history store is off. */
  store: HistoryStore | null;
}

/**
 * The drill-down of one area on a past local `date`, as of `at` (default: the end of the day): TTI and speed
 * up to `at` against the typical day, the seven metrics at `at` recomputed from the recorded segment speeds,
 * and the incidents and camera events of the day until `at`. Curves come from the history store (recorded
 * indices per minute; a segment's last reading of each 15 minutes), else from the in-memory day archive.
 * Null when the id is unknown or nothing is held for the day.
 */
export async function buildAreaPastDay(
  { service, store }: AreaPastDayDeps,
  kind: DrilldownKind,
  id: string,
  date: string,
  at?: number,
): Promise<AreaToday | null> {
  const { city } = service;
  const dayStart = Date.parse(`${date}T00:00:00Z`) - service.utcOffsetMinutes * MINUTE_MS;
  const until = Math.min(Math.max(at ?? dayStart + DAY_MS - 1, dayStart), dayStart + DAY_MS - 1);
  const segmentIndex = kind === 'segment' ? city.segmentIndexById.get(id) : undefined;
  const district = city.document.districts.find((entry) => entry.id === id);
  if (kind === 'segment' ? segmentIndex === undefined : kind === 'district' ? !district : id !== 'network') {
    return null;
  }
  const range = { from: dayStart, to: until + 1 };
  const points =
    segmentIndex === undefined
      ? await areaPoints(service, store, id, range)
      : await segmentPoints(service, store, segmentIndex, range);
  if (!points) return null;
  const state = store ? await recordedSegmentState(store, service, until) : null;
  const inArea = (segment: string, districtId: string | null): boolean =>
    kind === 'network' || (kind === 'district' ? districtId === id : segment === id);
  const { active, cleared } = service.incidents();
  const segment = segmentIndex === undefined ? undefined : city.segments[segmentIndex]!;
  return {
    kind,
    id,
    nameZh: segment?.nameZh ?? district?.nameZh ?? '全网',
    nameEn: segment?.nameEn ?? district?.nameEn ?? 'Network',
    dayStart,
    stepMinutes: segmentIndex === undefined ? AREA_STEP_MINUTES : SEGMENT_SLOT_MINUTES,
    points,
    metrics: state ? metricsAt(service, state, kind, id, segmentIndex, until) : null,
    incidents: [...active, ...cleared]
      .filter((incident) => incident.startedAt >= dayStart && incident.startedAt <= until)
      .filter((incident) => inArea(incident.segmentId, incident.districtId)),
    events: service.events
      .between(dayStart, until, 5_000)
      .filter((event) => inArea(event.segmentId, event.districtId))
      .slice(0, EVENTS_LISTED),
    forecast: null,
  };
}

/** Network or district curve every 5 minutes: recorded indices, else the archived day's series. */
async function areaPoints(
  service: TrafficInsightsService,
  store: HistoryStore | null,
  areaId: string,
  range: { from: number; to: number },
): Promise<AreaCurvePoint[] | null> {
  const recorded = store ? await store.nowPerMinute(range) : [];
  const byMinute = new Map<number, AreaIndices>();
  for (const now of recorded) {
    const area = areaOf(now, areaId);
    if (area) byMinute.set(Math.floor((now.computedAt - range.from) / MINUTE_MS), area);
  }
  const past =
    byMinute.size === 0
      ? service.archive.get(localDayOf(range.from, service.utcOffsetMinutes).date)
      : undefined;
  if (byMinute.size === 0 && !past) return null;
  const a = past ? past.series.areaIds.indexOf(areaId) : -1;
  const points: AreaCurvePoint[] = [];
  for (let m = 0; m < MINUTES_PER_DAY; m += AREA_STEP_MINUTES) {
    const at = range.from + m * MINUTE_MS;
    const live = at < range.to;
    const area = byMinute.get(m);
    points.push({
      at,
      tti: !live ? null : area ? round(area.tti, 3) : a >= 0 ? round(past!.series.tti[a]![m], 3) : null,
      typicalTti: round(typicalTti(service.ttiForecaster, areaId, at), 3),
      speedKmh: !live
        ? null
        : area
          ? round(area.meanSpeedKmh, 1)
          : a >= 0
            ? round(past!.record.areaSpeedKmh[a]?.[m], 1)
            : null,
      typicalSpeedKmh: round(typicalTti(service.speedProfile, areaId, at), 1),
    });
  }
  return points;
}

function areaOf(now: TrafficNow, areaId: string): AreaIndices | undefined {
  return areaId === 'network' ? now.network : now.districts.find((d) => d.areaId === areaId);
}

/** A segment's curve every 15 minutes: its last recorded reading of each slot, else the archived record. */
async function segmentPoints(
  service: TrafficInsightsService,
  store: HistoryStore | null,
  i: number,
  range: { from: number; to: number },
): Promise<AreaCurvePoint[] | null> {
  const { city } = service;
  const slots = new Array<number | null>(SEGMENT_SLOTS).fill(null);
  const observations = store ? await store.observations(range, [i]) : [];
  for (const observation of observations) {
    const slot = Math.floor((observation.observedAt - range.from) / (SEGMENT_SLOT_MINUTES * MINUTE_MS));
    if (slot >= 0 && slot < SEGMENT_SLOTS) slots[slot] = observation.speedKmh;
  }
  const day = localDayOf(range.from, service.utcOffsetMinutes);
  if (observations.length === 0) {
    const past = service.archive.get(day.date);
    if (!past) return null;
    for (let slot = 0; slot < SEGMENT_SLOTS; slot += 1) {
      const q = past.record.segmentSpeed[i * SEGMENT_SLOTS + slot]!;
      const at = range.from + slot * SEGMENT_SLOT_MINUTES * MINUTE_MS;
      slots[slot] = q === SPEED_UNKNOWN || at >= range.to ? null : dequantizeSpeed(q);
    }
  }
  const { freeFlowKmh } = city.segments[i]!;
  return slots.map((speedKmh, slot) => {
    const typical = typicalSegmentSpeed(
      service.segmentTypical,
      i,
      Math.floor((slot * SEGMENT_SLOT_MINUTES) / 60),
      day.weekend,
    );
    return {
      at: range.from + slot * SEGMENT_SLOT_MINUTES * MINUTE_MS,
      tti: speedKmh === null ? null : round(segmentTti(freeFlowKmh, speedKmh), 3),
      typicalTti: typical === null ? null : round(segmentTti(freeFlowKmh, typical), 3),
      speedKmh: round(speedKmh, 1),
      typicalSpeedKmh: round(typical, 1),
    };
  });
}

/** The segment speeds the wall showed at `at`, as a segment state whose known readings are fresh at `at`. */
async function recordedSegmentState(
  store: HistoryStore,
  service: TrafficInsightsService,
  at: number,
): Promise<SegmentState | null> {
  const recorded = await seekRecordedState(store, at, service.city.segmentCount);
  if (recorded.frameAt === null) return null;
  const state = createSegmentState(service.city.segmentCount);
  recorded.speeds.forEach((q, i) => {
    if (q === SPEED_UNKNOWN) return;
    state.speedKmh[i] = dequantizeSpeed(q);
    state.observedAt[i] = at;
  });
  return state;
}

function metricsAt(
  service: TrafficInsightsService,
  state: SegmentState,
  kind: DrilldownKind,
  id: string,
  segmentIndex: number | undefined,
  at: number,
): AreaToday['metrics'] {
  // Past incidents are not known per segment: the count of active incidents is left at zero.
  if (segmentIndex !== undefined)
    return { ...segmentMetrics(service, state, segmentIndex, at), activeIncidents: 0 };
  const metrics = computeTrafficMetrics(service.layout, state, at, {
    freshForMs: service.freshForMs,
    streets: false,
  });
  return kind === 'network' ? metrics.network : (metrics.districts.find((d) => d.areaId === id) ?? null);
}
