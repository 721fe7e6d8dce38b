import { Type, type Static } from '@sinclair/typebox';
import { EpochMsSchema, IdSchema, LngLatSchema } from './units';

/** Highest speed ingest accepts; anything above is rejected as absurd. */
export const MAX_PLAUSIBLE_SPEED_KMH = 200;
/** How far in the future an observation may be stamped (clock skew allowance). */
export const MAX_FUTURE_SKEW_MS = 60_000;

/** One segment speed reading as sent to `POST /api/v1/ingest/traffic` (JSON array or NDJSON lines). */
export const TrafficObservationInputSchema = Type.Object(
  {
    segmentId: IdSchema,
    /** Epoch milliseconds, or an RFC 3339 date-time string with an offset. */
    observedAt: Type.Union([EpochMsSchema, Type.String({ format: 'date-time' })]),
    speedKmh: Type.Number({ minimum: 0, maximum: MAX_PLAUSIBLE_SPEED_KMH }),
    /** Vehicles per hour over the segment, when the sensor counts them. */
    flowVph: Type.Optional(Type.Number({ minimum: 0, maximum: 20_000 })),
  },
  { additionalProperties: false },
);
export type TrafficObservationInput = Static<typeof TrafficObservationInputSchema>;

/** A normalised traffic observation, after ingest. */
export interface TrafficObservation {
  segmentId: string;
  observedAt: number;
  speedKmh: number;
  flowVph?: number;
  /** Which feed it came from (the ingest key's source name, or `sim`). */
  source: string;
}

export const RejectedItemSchema = Type.Object({
  index: Type.Integer({ minimum: 0 }),
  reason: Type.String(),
});
export type RejectedItem = Static<typeof RejectedItemSchema>;

export const IngestResultSchema = Type.Object({
  received: Type.Integer({ minimum: 0 }),
  accepted: Type.Integer({ minimum: 0 }),
  /** Valid but already seen: same segment and time as held, or repeated within the batch. Dropped, not an error. (An older reading than held counts as accepted but leaves the state unchanged.) */
  duplicates: Type.Integer({ minimum: 0 }),
  rejected: Type.Array(RejectedItemSchema),
});
export type IngestResult = Static<typeof IngestResultSchema>;

/**
 * Congestion level by GB/T 33171-2016: 1 畅通 free, 2 基本畅通 light, 3 轻度拥堵 mild,
 * 4 中度拥堵 moderate, 5 严重拥堵 severe. 0 means no fresh data.
 */
export const CONGESTION_LEVELS = [0, 1, 2, 3, 4, 5] as const;
export type CongestionLevel = (typeof CONGESTION_LEVELS)[number];
export const CONGESTION_LEVEL_KEYS = ['unknown', 'free', 'light', 'mild', 'moderate', 'severe'] as const;

/** Indices of one area (the network, a district, a street) at one tick. */
export const AreaIndicesSchema = Type.Object({
  areaId: Type.String(),
  /** Travel-time-weighted travel time index, >= 1. Null when no input is fresh. */
  tti: Type.Union([Type.Number(), Type.Null()]),
  /** Traffic performance index 0-10. */
  tpi: Type.Union([Type.Number(), Type.Null()]),
  /** Level from the TPI band, 0 when unknown. */
  level: Type.Integer({ minimum: 0, maximum: 5 }),
  /** Length-weighted harmonic mean speed over fresh segments, km/h. */
  meanSpeedKmh: Type.Union([Type.Number(), Type.Null()]),
  /** Share of fresh length at level 3 (轻度拥堵) or worse, 0-1. */
  congestedLengthShare: Type.Union([Type.Number(), Type.Null()]),
  /** Share of segments (by length) whose newest reading is fresh, 0-1. */
  coverage: Type.Number({ minimum: 0, maximum: 1 }),
  /** Age of the newest input at compute time, ms; null when there is none. */
  newestInputAgeMs: Type.Union([Type.Number(), Type.Null()]),
  segmentCount: Type.Integer({ minimum: 0 }),
  /**
   * Metric 1, vehicles in transit (docs/indices.md section 2.7), vehicles. With the two below it completes
   * the seven metrics: present on `GET /traffic/now`, absent on the lighter `traffic:indices` event (whose
   * listeners get them from `traffic:insights`).
   */
  vehiclesInTransit: Type.Optional(Type.Number({ minimum: 0 })),
  /** Metric 6, congestion points: connected runs of linked segments at level 4 or worse, count. */
  congestionPoints: Type.Optional(Type.Integer({ minimum: 0 })),
  /** Metric 7, active suspected incidents in the area, count. */
  activeIncidents: Type.Optional(Type.Integer({ minimum: 0 })),
});
export type AreaIndices = Static<typeof AreaIndicesSchema>;

/** Answer of `GET /api/v1/traffic/now` and payload of the `traffic:indices` socket event. */
export const TrafficNowSchema = Type.Object({
  computedAt: EpochMsSchema,
  tick: Type.Integer({ minimum: 0 }),
  network: AreaIndicesSchema,
  districts: Type.Array(AreaIndicesSchema),
  /** Where the rest of the traffic picture is (REST paths), on `GET /traffic/now` only. */
  links: Type.Optional(
    Type.Object({
      /** The seven metrics per street: `/api/v1/traffic/streets`. */
      streets: Type.String(),
      /** Active and recently cleared suspected incidents: `/api/v1/traffic/incidents`. */
      incidents: Type.String(),
    }),
  ),
});
export type TrafficNow = Static<typeof TrafficNowSchema>;

/** One point of the network TTI curve (per minute). */
export const TtiPointSchema = Type.Object({
  at: EpochMsSchema,
  tti: Type.Union([Type.Number(), Type.Null()]),
});
export type TtiPoint = Static<typeof TtiPointSchema>;

/** Answer of `GET /api/v1/traffic/series`: network TTI per minute since local midnight. */
export const TtiSeriesSchema = Type.Object({
  from: EpochMsSchema,
  points: Type.Array(TtiPointSchema),
});
export type TtiSeries = Static<typeof TtiSeriesSchema>;

/** Kinds of area the traffic metrics are computed for. */
export const TRAFFIC_AREA_KINDS = ['network', 'district', 'street'] as const;
export type TrafficAreaKind = (typeof TRAFFIC_AREA_KINDS)[number];

/**
 * The seven real-time traffic metrics of one area (network, district, or street = all segments of one
 * `roadId`), plus coverage. Formulas: docs/indices.md section 2.7.
 */
export const AreaTrafficMetricsSchema = Type.Object({
  /** `'network'`, a district id, or a road id. */
  areaId: Type.String(),
  kind: Type.Union(TRAFFIC_AREA_KINDS.map((k) => Type.Literal(k))),
  /** 1. Vehicles in transit: Σ density × length over fresh segments, vehicles. */
  vehiclesInTransit: Type.Number({ minimum: 0 }),
  /** 2. Congestion index: TPI 0-10; null when no input is fresh. */
  tpi: Type.Union([Type.Number(), Type.Null()]),
  /** Level of the TPI band, 0 when unknown. */
  level: Type.Integer({ minimum: 0, maximum: 5 }),
  /** 3. Delay index: travel-time-weighted TTI, >= 1; null when no input is fresh. */
  tti: Type.Union([Type.Number(), Type.Null()]),
  /** 4. Mean speed: length-weighted harmonic mean over fresh segments, km/h. */
  meanSpeedKmh: Type.Union([Type.Number(), Type.Null()]),
  /** 5. Congested mileage share: fresh length at level 3 or worse over fresh length, 0-1. */
  congestedLengthShare: Type.Union([Type.Number(), Type.Null()]),
  /** 6. Congestion points: maximal connected runs of linked segments at level 4 or worse, count. */
  congestionPoints: Type.Integer({ minimum: 0 }),
  /** 7. Active incidents: suspected incidents raised by the detector and not cleared, count. */
  activeIncidents: Type.Integer({ minimum: 0 }),
  /** Share of the area's length whose newest reading is fresh, 0-1. */
  coverage: Type.Number({ minimum: 0, maximum: 1 }),
  /** Age of the newest input at compute time, ms; null when there is none. */
  newestInputAgeMs: Type.Union([Type.Number(), Type.Null()]),
  segmentCount: Type.Integer({ minimum: 0 }),
});
export type AreaTrafficMetrics = Static<typeof AreaTrafficMetricsSchema>;

/** The seven metrics for the network, every district (city order) and every street (first-seen order). */
export const TrafficMetricsSchema = Type.Object({
  computedAt: EpochMsSchema,
  network: AreaTrafficMetricsSchema,
  districts: Type.Array(AreaTrafficMetricsSchema),
  streets: Type.Array(AreaTrafficMetricsSchema),
});
export type TrafficMetrics = Static<typeof TrafficMetricsSchema>;

/** One of the most congested segments of a day. */
export const CongestedSegmentSchema = Type.Object({
  segmentId: IdSchema,
  roadId: IdSchema,
  nameZh: Type.String(),
  nameEn: Type.String(),
  districtId: IdSchema,
  /** Mean segment TTI over the peak minutes with a fresh reading. */
  meanPeakTti: Type.Number({ minimum: 1 }),
  /** Peak minutes the mean was taken over. */
  peakMinutes: Type.Integer({ minimum: 0 }),
});
export type CongestedSegment = Static<typeof CongestedSegmentSchema>;

/** One district's figures of a day. */
export const DistrictDayFiguresSchema = Type.Object({
  districtId: IdSchema,
  /** Mean district TTI over the peak minutes; null when none had data. */
  peakDelayIndex: Type.Union([Type.Number(), Type.Null()]),
  /** Hours with the district TPI at level 4 (中度拥堵) or worse. */
  congestedHours: Type.Number({ minimum: 0 }),
});
export type DistrictDayFigures = Static<typeof DistrictDayFiguresSchema>;

/** Daily traffic figures of one local day. Formulas: docs/indices.md section 2.8. */
export const DailyTrafficFiguresSchema = Type.Object({
  /** Epoch ms of local midnight starting the day. */
  dayStart: EpochMsSchema,
  /** Local date `YYYY-MM-DD`. */
  date: Type.String(),
  /** 0 Sunday … 6 Saturday, local. */
  dayOfWeek: Type.Integer({ minimum: 0, maximum: 6 }),
  weekend: Type.Boolean(),
  /** Peak congestion delay index: mean network TTI over 07:00-09:00 and 17:00-19:00 local; null without data. */
  peakDelayIndex: Type.Union([Type.Number(), Type.Null()]),
  /** Mean network TTI over all minutes with data; null without data. */
  meanTti: Type.Union([Type.Number(), Type.Null()]),
  /** Hours with the network TPI at level 4 (中度拥堵) or worse. */
  congestedHours: Type.Number({ minimum: 0 }),
  /** Hours at each network TPI level 1..5 (index 0 = level 1). */
  hoursByLevel: Type.Array(Type.Number({ minimum: 0 }), { minItems: 5, maxItems: 5 }),
  /** Minutes of the day with a network TTI, 0-1440. */
  minutesWithData: Type.Integer({ minimum: 0, maximum: 1440 }),
  /** Ten segments with the highest mean TTI over the peaks, worst first. */
  topSegments: Type.Array(CongestedSegmentSchema),
  /** Districts by peak delay index, worst first (all districts with data). */
  topDistricts: Type.Array(DistrictDayFiguresSchema),
});
export type DailyTrafficFigures = Static<typeof DailyTrafficFiguresSchema>;

/** Differences of a day's figures against a reference (a day or the typical day): day minus reference. */
export const DailyComparisonSchema = Type.Object({
  /** `'same-weekday-last-week'`, `'typical-day'` or a caller's label. */
  reference: Type.String(),
  /** Days the reference was built from (1 for a single day). */
  referenceDays: Type.Integer({ minimum: 0 }),
  peakDelayIndexDelta: Type.Union([Type.Number(), Type.Null()]),
  /** Relative change of the peak delay index, (day - ref) / ref. */
  peakDelayIndexChange: Type.Union([Type.Number(), Type.Null()]),
  meanTtiDelta: Type.Union([Type.Number(), Type.Null()]),
  congestedHoursDelta: Type.Number(),
  districts: Type.Array(
    Type.Object({
      districtId: IdSchema,
      peakDelayIndexDelta: Type.Union([Type.Number(), Type.Null()]),
      congestedHoursDelta: Type.Number(),
    }),
  ),
});
export type DailyComparison = Static<typeof DailyComparisonSchema>;

/** Answer of `GET /api/v1/traffic/day/:date`: the day's figures and its comparisons. */
export const TrafficDayReportSchema = Type.Object({
  figures: DailyTrafficFiguresSchema,
  vsSameWeekdayLastWeek: Type.Union([DailyComparisonSchema, Type.Null()]),
  vsTypicalDay: Type.Union([DailyComparisonSchema, Type.Null()]),
});
export type TrafficDayReport = Static<typeof TrafficDayReportSchema>;

/** A suspected incident raised by the speed-drop detector. */
export const SuspectedIncidentSchema = Type.Object({
  /** `inc-<segmentId>-<startedAt>`, stable for one raise. */
  id: Type.String(),
  segmentId: IdSchema,
  segmentIndex: Type.Integer({ minimum: 0 }),
  roadId: IdSchema,
  districtId: IdSchema,
  /** Midpoint of the segment's path, `[lng, lat]` WGS-84. */
  location: LngLatSchema,
  /** Time of the first reading of the drop, epoch ms. */
  startedAt: EpochMsSchema,
  /** Time the persistence window was met and the incident raised, epoch ms. */
  raisedAt: EpochMsSchema,
  /** Time it cleared, epoch ms; null while active. */
  clearedAt: Type.Union([EpochMsSchema, Type.Null()]),
  /** 0-1: how clearly the drop stands out from the segment's baseline and its neighbours. */
  confidence: Type.Number({ minimum: 0, maximum: 1 }),
  /** Speed over baseline speed when raised, 0-1. */
  speedRatio: Type.Number({ minimum: 0 }),
  baselineSpeedKmh: Type.Number({ minimum: 0 }),
});
export type SuspectedIncident = Static<typeof SuspectedIncidentSchema>;

/** Forecast of one area's TTI at a few horizons. Method: docs/indices.md section 2.10. */
export const TtiForecastSchema = Type.Object({
  areaId: Type.String(),
  /** Time the forecast was made, epoch ms. */
  at: EpochMsSchema,
  /** `typical-deviation` (typical day plus decaying current deviation), `persistence`, or `none`. */
  method: Type.Union([Type.Literal('typical-deviation'), Type.Literal('persistence'), Type.Literal('none')]),
  points: Type.Array(
    Type.Object({
      horizonMinutes: Type.Integer({ minimum: 1 }),
      at: EpochMsSchema,
      tti: Type.Union([Type.Number(), Type.Null()]),
      /** Typical TTI for that minute when known. */
      typicalTti: Type.Union([Type.Number(), Type.Null()]),
    }),
  ),
});
export type TtiForecast = Static<typeof TtiForecastSchema>;
