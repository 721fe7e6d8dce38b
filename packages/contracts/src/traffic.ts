import { Type, type Static } from '@sinclair/typebox';
import { EpochMsSchema, IdSchema } from './units';

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
  /** Valid but already seen (same segment and time), or older than what is held: kept out of state, not an error. */
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
});
export type AreaIndices = Static<typeof AreaIndicesSchema>;

/** Answer of `GET /api/v1/traffic/now` and payload of the `traffic:indices` socket event. */
export const TrafficNowSchema = Type.Object({
  computedAt: EpochMsSchema,
  tick: Type.Integer({ minimum: 0 }),
  network: AreaIndicesSchema,
  districts: Type.Array(AreaIndicesSchema),
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
