import type { City } from '@cbo/city';
import type {
  DailyTrafficFigures,
  IncidentList,
  StreetMetrics,
  SuspectedIncident,
  TrafficDayReport,
  TrafficInsights,
  TtiForecast,
} from '@cbo/contracts';
import {
  DAY_MS,
  accumulateTick,
  activeIncidents,
  computeTrafficMetrics,
  createDayAccumulator,
  createIncidentDetector,
  createMetricsLayout,
  createTtiForecaster,
  daySeries,
  forecastTti,
  learnDay,
  observe,
  summarizeDay,
  type DayAccumulator,
  type IncidentDetector,
  type MetricsLayout,
  type SegmentState,
  type TrafficIndices,
  type TtiForecaster,
} from '@cbo/indices';
import { createSegmentObservationBuffer, type SegmentObservationBuffer } from './segment-observation-buffer';
import {
  createSegmentTypicalSpeed,
  learnSegmentDay,
  type SegmentTypicalSpeed,
} from './segment-typical-speed';
import {
  buildDayReport,
  createMemoryDayArchive,
  type PastTrafficDay,
  type TrafficDayArchive,
} from './traffic-day-archive';
import { createTrafficDayRecord, recordTrafficMinute, type TrafficDayRecord } from './traffic-day-recorder';
import { createTrafficEventStore, type TrafficEventStore } from './traffic-event-store';
import type { SimulatedDay } from './simulated-day';

/** Cleared incidents kept for the REST list and the alert inputs. */
export const CLEARED_INCIDENTS_KEPT = 200;

/** Options of {@link createTrafficInsights}. */
export interface TrafficInsightsOptions {
  city: City;
  freshForMs: number;
  utcOffsetMinutes: number;
  /** Time of the first tick (the start of "today"). */
  startAt: number;
  /** The pipeline's segment state (read when nothing has ticked yet). */
  state: SegmentState;
  archive?: TrafficDayArchive;
}

/**
 * The traffic insights of the running server: the seven metrics, suspected incidents, the day's figures and
 * forecasts, computed from the pipeline's segment state once per tick. The maths is `@cbo/indices`; this
 * holds the state between ticks and across days.
 */
export interface TrafficInsightsService {
  readonly city: City;
  readonly utcOffsetMinutes: number;
  readonly freshForMs: number;
  readonly archive: TrafficDayArchive;
  readonly events: TrafficEventStore;
  readonly buffer: SegmentObservationBuffer;
  readonly layout: MetricsLayout;
  readonly detector: IncidentDetector;
  readonly ttiForecaster: TtiForecaster;
  /** Typical mean speed of the network and districts, learnt like the TTI (the forecaster's profile). */
  readonly speedProfile: TtiForecaster;
  readonly segmentTypical: SegmentTypicalSpeed;
  /** Today's accumulator and drill-down record (replaced at local midnight). */
  today(): { acc: DayAccumulator; record: TrafficDayRecord };
  /** One pipeline tick: call after the indices of `now` were computed. */
  tick(state: SegmentState, now: number, indices: TrafficIndices): TrafficInsights;
  latest(): TrafficInsights;
  streets(): StreetMetrics;
  incidents(): IncidentList;
  /** Figures and comparisons of a local date; null when the day is neither today nor archived. */
  dayReport(date: string): TrafficDayReport | null;
  /** Archives a complete past day and learns from it (backfill, a history store, or midnight). */
  addPastDay(day: PastTrafficDay): void;
  /** Fills today's minutes before the live ones from a simulated day (backfill at start-up). */
  mergeToday(simulated: SimulatedDay): void;
}

function learnFromDay(service: TrafficInsightsService, day: PastTrafficDay): void {
  learnDay(service.ttiForecaster, day.series);
  learnDay(service.speedProfile, { ...day.series, tti: day.record.areaSpeedKmh });
  learnSegmentDay(service.segmentTypical, day.record, day.series.weekend);
}

/** Creates the service; see {@link TrafficInsightsService}. */
export function createTrafficInsights({
  city,
  freshForMs,
  utcOffsetMinutes,
  startAt,
  state: pipelineState,
  archive = createMemoryDayArchive(),
}: TrafficInsightsOptions): TrafficInsightsService {
  const layout = createMetricsLayout(city);
  const detector = createIncidentDetector(city);
  let acc = createDayAccumulator(city, startAt, utcOffsetMinutes, { freshForMs });
  let record = createTrafficDayRecord(acc.dayStart, city.districtIds, city.segmentCount);
  const cleared: SuspectedIncident[] = [];
  let forecasts: TtiForecast[] = [];
  let todayFigures: { minute: number; figures: DailyTrafficFigures } | null = null;
  let latest: TrafficInsights | null = null;

  function rollOver(now: number): void {
    if (now < acc.dayStart + DAY_MS) return;
    service.addPastDay({ figures: summarizeDay(acc), series: copySeries(acc), record });
    acc = createDayAccumulator(city, now, utcOffsetMinutes, { freshForMs });
    record = createTrafficDayRecord(acc.dayStart, city.districtIds, city.segmentCount);
    todayFigures = null;
  }

  function computeForecasts(now: number): TtiForecast[] {
    const series = daySeries(acc);
    return series.areaIds.map((areaId, a) => forecastTti(service.ttiForecaster, areaId, now, series.tti[a]!));
  }

  function build(state: SegmentState, now: number): TrafficInsights {
    const metrics = computeTrafficMetrics(layout, state, now, {
      freshForMs,
      incidentSegments: detector.activeBySegment,
      streets: false,
    });
    return {
      computedAt: now,
      network: metrics.network,
      districts: metrics.districts,
      incidents: activeIncidents(detector),
      forecasts,
      daysLearned: service.ttiForecaster.daysLearned,
    };
  }

  const service: TrafficInsightsService = {
    city,
    utcOffsetMinutes,
    freshForMs,
    archive,
    events: createTrafficEventStore(city),
    buffer: createSegmentObservationBuffer(city.segmentCount),
    layout,
    detector,
    ttiForecaster: createTtiForecaster({ utcOffsetMinutes }),
    speedProfile: createTtiForecaster({ utcOffsetMinutes }),
    segmentTypical: createSegmentTypicalSpeed(city.segmentCount),
    today: () => ({ acc, record }),
    tick(state, now, indices) {
      rollOver(now);
      service.buffer.capture(state);
      const changes = observe(detector, state, now);
      for (const incident of changes.cleared) cleared.unshift(incident);
      cleared.splice(CLEARED_INCIDENTS_KEPT);
      const newMinute = accumulateTick(acc, state, now, indices);
      if (newMinute) {
        recordTrafficMinute(record, state, now, indices, freshForMs);
        forecasts = computeForecasts(now);
      }
      latest = build(state, now);
      return latest;
    },
    latest: () => latest ?? build(pipelineState, startAt),
    streets() {
      const at = latest?.computedAt ?? startAt;
      const metrics = computeTrafficMetrics(layout, pipelineState, at, {
        freshForMs,
        incidentSegments: detector.activeBySegment,
      });
      return { computedAt: at, streets: metrics.streets };
    },
    incidents: () => ({ active: activeIncidents(detector), cleared: [...cleared] }),
    dayReport(date) {
      if (date === acc.date) {
        if (todayFigures?.minute !== acc.lastMinute) {
          todayFigures = { minute: acc.lastMinute, figures: summarizeDay(acc) };
        }
        return buildDayReport(todayFigures.figures, archive);
      }
      const past = archive.get(date);
      return past ? buildDayReport(past.figures, archive) : null;
    },
    addPastDay(day) {
      archive.put(day);
      learnFromDay(service, day);
      if (latest) forecasts = computeForecasts(latest.computedAt);
    },
    mergeToday(simulated) {
      mergeDay(acc, record, simulated);
      todayFigures = null;
    },
  };
  return service;
}

function copySeries(acc: DayAccumulator): PastTrafficDay['series'] {
  const series = daySeries(acc);
  return { ...series, areaIds: [...series.areaIds], tti: series.tti.map((values) => values.slice()) };
}

/** Copies the simulated minutes that the live day has not recorded into it (disjoint minutes by design). */
function mergeDay(acc: DayAccumulator, record: TrafficDayRecord, simulated: SimulatedDay): void {
  if (simulated.acc.dayStart !== acc.dayStart) return;
  const from = simulated.acc;
  const fill = (target: Float32Array, source: Float32Array): void => {
    for (let m = 0; m < target.length; m += 1) if (Number.isNaN(target[m]!)) target[m] = source[m]!;
  };
  fill(acc.networkTti, from.networkTti);
  fill(acc.districtTti, from.districtTti);
  for (let i = 0; i < acc.segmentPeakTtiSum.length; i += 1) {
    acc.segmentPeakTtiSum[i] = acc.segmentPeakTtiSum[i]! + from.segmentPeakTtiSum[i]!;
    acc.segmentPeakMinutes[i] = acc.segmentPeakMinutes[i]! + from.segmentPeakMinutes[i]!;
  }
  record.areaSpeedKmh.forEach((series, a) => fill(series, simulated.record.areaSpeedKmh[a]!));
  const unknown = 0xffff;
  const { segmentSpeed } = record;
  for (let k = 0; k < segmentSpeed.length; k += 1) {
    if (segmentSpeed[k] === unknown) segmentSpeed[k] = simulated.record.segmentSpeed[k]!;
  }
}
