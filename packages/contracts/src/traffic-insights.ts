import { Type, type Static } from '@sinclair/typebox';
import { EpochMsSchema, IdSchema, LngLatSchema } from './units';
import { AreaTrafficMetricsSchema, SuspectedIncidentSchema, TtiForecastSchema } from './traffic';

/** Kinds of camera-detected traffic events accepted at `POST /api/v1/ingest/traffic-events`. */
export const TRAFFIC_EVENT_KINDS = ['illegal-parking', 'stopped-vehicle'] as const;
export type TrafficEventKind = (typeof TRAFFIC_EVENT_KINDS)[number];

/**
 * One camera detection as posted. Carries the minimum: no plate, no face, no personal identifier; an item
 * with a field that looks like a plate is rejected.
 */
export const TrafficEventInputSchema = Type.Object(
  {
    kind: Type.Union(TRAFFIC_EVENT_KINDS.map((kind) => Type.Literal(kind))),
    /** `[lng, lat]` WGS-84 of the detected vehicle. */
    position: LngLatSchema,
    /** Epoch ms, or RFC 3339 with an offset. */
    observedAt: Type.Union([EpochMsSchema, Type.String({ format: 'date-time' })]),
    /** Reference to the evidence (image or clip) held by the camera system, e.g. `evidence://cam-12/8841`. */
    evidenceRef: Type.String({ minLength: 1, maxLength: 256 }),
    cameraId: Type.Optional(IdSchema),
  },
  { additionalProperties: false },
);
export type TrafficEventInput = Static<typeof TrafficEventInputSchema>;

/** A traffic event after ingest, mapped onto the road network. */
export const TrafficEventSchema = Type.Object({
  /** `evt-<source>-<observedAt>-<n>`, unique per server run. */
  id: Type.String(),
  kind: Type.Union(TRAFFIC_EVENT_KINDS.map((kind) => Type.Literal(kind))),
  position: LngLatSchema,
  observedAt: EpochMsSchema,
  evidenceRef: Type.String(),
  cameraId: Type.Union([IdSchema, Type.Null()]),
  /** Nearest segment within the mapping distance. */
  segmentId: IdSchema,
  /** Metres from the position to that segment. */
  distanceM: Type.Number({ minimum: 0 }),
  districtId: Type.Union([IdSchema, Type.Null()]),
  /** Feed it came from (`sim`, `http`, or an ingest key's source). */
  source: Type.String(),
});
export type TrafficEvent = Static<typeof TrafficEventSchema>;

/** Answer of `GET /api/v1/traffic/events`: events in a time window, newest first. */
export const TrafficEventListSchema = Type.Object({
  from: EpochMsSchema,
  to: EpochMsSchema,
  events: Type.Array(TrafficEventSchema),
});
export type TrafficEventList = Static<typeof TrafficEventListSchema>;

/**
 * Answer of `GET /api/v1/traffic/insights` and payload of `traffic:insights`: the seven metrics of the
 * network and each district, active suspected incidents and the latest forecasts, as of the last tick.
 */
export const TrafficInsightsSchema = Type.Object({
  computedAt: EpochMsSchema,
  network: AreaTrafficMetricsSchema,
  districts: Type.Array(AreaTrafficMetricsSchema),
  /** Active suspected incidents, oldest first. */
  incidents: Type.Array(SuspectedIncidentSchema),
  /** Network then districts (city order); refreshed once a minute. */
  forecasts: Type.Array(TtiForecastSchema),
  /** Past days the typical day and the forecaster have learnt. */
  daysLearned: Type.Integer({ minimum: 0 }),
});
export type TrafficInsights = Static<typeof TrafficInsightsSchema>;

/** Answer of `GET /api/v1/traffic/streets`: the seven metrics per street (all segments of one road). */
export const StreetMetricsSchema = Type.Object({
  computedAt: EpochMsSchema,
  streets: Type.Array(AreaTrafficMetricsSchema),
});
export type StreetMetrics = Static<typeof StreetMetricsSchema>;

/** Answer of `GET /api/v1/traffic/incidents`: active and recently cleared suspected incidents. */
export const IncidentListSchema = Type.Object({
  active: Type.Array(SuspectedIncidentSchema),
  /** Cleared in the last hours, newest first (bounded). */
  cleared: Type.Array(SuspectedIncidentSchema),
});
export type IncidentList = Static<typeof IncidentListSchema>;

/** One raw reading of a segment. */
export const SegmentObservationSchema = Type.Object({
  observedAt: EpochMsSchema,
  speedKmh: Type.Number({ minimum: 0 }),
  flowVph: Type.Union([Type.Number({ minimum: 0 }), Type.Null()]),
});
export type SegmentObservation = Static<typeof SegmentObservationSchema>;

/** Answer of `GET /api/v1/traffic/segments/:id/observations?from&to`, oldest first. */
export const SegmentObservationsSchema = Type.Object({
  segmentId: IdSchema,
  from: EpochMsSchema,
  to: EpochMsSchema,
  /** `memory`: the bounded in-memory buffer of recent readings; `history`: the history store. */
  origin: Type.Union([Type.Literal('memory'), Type.Literal('history')]),
  /** Oldest reading still held for the segment, when older ones have been dropped; null otherwise. */
  heldSince: Type.Union([EpochMsSchema, Type.Null()]),
  observations: Type.Array(SegmentObservationSchema),
});
export type SegmentObservations = Static<typeof SegmentObservationsSchema>;

/** Kinds of area the drill-down shows. */
export const DRILLDOWN_KINDS = ['network', 'district', 'segment'] as const;
export type DrilldownKind = (typeof DRILLDOWN_KINDS)[number];

/** One point of a drill-down curve. */
export const AreaCurvePointSchema = Type.Object({
  at: EpochMsSchema,
  tti: Type.Union([Type.Number(), Type.Null()]),
  typicalTti: Type.Union([Type.Number(), Type.Null()]),
  speedKmh: Type.Union([Type.Number(), Type.Null()]),
  typicalSpeedKmh: Type.Union([Type.Number(), Type.Null()]),
});
export type AreaCurvePoint = Static<typeof AreaCurvePointSchema>;

/**
 * Answer of `GET /api/v1/traffic/areas/:kind/:id/today`: speed and TTI of today against the typical day,
 * with the area's current metrics and incidents, for the drill-down panel.
 */
export const AreaTodaySchema = Type.Object({
  kind: Type.Union(DRILLDOWN_KINDS.map((kind) => Type.Literal(kind))),
  id: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  dayStart: EpochMsSchema,
  stepMinutes: Type.Integer({ minimum: 1 }),
  points: Type.Array(AreaCurvePointSchema),
  /** Current metrics; for a segment, a segment-sized area of its own. Null when unknown. */
  metrics: Type.Union([AreaTrafficMetricsSchema, Type.Null()]),
  /** Active and recent suspected incidents in the area. */
  incidents: Type.Array(SuspectedIncidentSchema),
  /** Camera events in the area today, newest first (bounded). */
  events: Type.Array(TrafficEventSchema),
  forecast: Type.Union([TtiForecastSchema, Type.Null()]),
});
export type AreaToday = Static<typeof AreaTodaySchema>;

/** Answer of `POST /api/v1/ingest/traffic-events` and of the format routes: like `IngestResult`. */
export const FormatIngestResultSchema = Type.Object({
  received: Type.Integer({ minimum: 0 }),
  accepted: Type.Integer({ minimum: 0 }),
  duplicates: Type.Integer({ minimum: 0 }),
  rejected: Type.Array(Type.Object({ index: Type.Integer({ minimum: 0 }), reason: Type.String() })),
});
export type FormatIngestResult = Static<typeof FormatIngestResultSchema>;

/** Socket events of the traffic insights (default namespace, room `traffic`). */
export interface TrafficInsightsServerToClientEvents {
  /** The seven metrics, incidents and forecasts of this tick. */
  'traffic:insights': (insights: TrafficInsights) => void;
  /** Camera events accepted since the last tick. */
  'traffic:events': (events: TrafficEvent[]) => void;
}
