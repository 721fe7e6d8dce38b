import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { EpochMsSchema, IdSchema, LngLatSchema } from './units';
import {
  PollutionEventSchema,
  ReachStatusSchema,
  WarningColourSchema,
  WaterClassSchema,
  type PollutionEventKind,
} from './river';

/** A time on input: epoch ms or an RFC 3339 date-time with a UTC offset. */
const InputTimeSchema = Type.Union([EpochMsSchema, Type.String({ format: 'date-time' })]);

/** One water-level reading in the project's own format (`POST /api/v1/ingest/river`). */
export const GaugeLevelInputSchema = Type.Object(
  {
    gaugeId: IdSchema,
    observedAt: InputTimeSchema,
    /** Level above the gauge's datum, metres. */
    levelM: Type.Number(),
    /** Discharge, m³/s. */
    flowM3s: Type.Optional(Type.Number()),
  },
  { additionalProperties: false },
);
export type GaugeLevelInput = Static<typeof GaugeLevelInputSchema>;

/** One water-quality sample in the project's own format; any subset of the parameters, at least one. */
export const WaterQualityInputSchema = Type.Object(
  {
    stationId: IdSchema,
    observedAt: InputTimeSchema,
    doMgL: Type.Optional(Type.Number()),
    codMnMgL: Type.Optional(Type.Number()),
    nh3nMgL: Type.Optional(Type.Number()),
    tpMgL: Type.Optional(Type.Number()),
    ph: Type.Optional(Type.Number()),
    turbidityNtu: Type.Optional(Type.Number()),
    waterTemperatureC: Type.Optional(Type.Number()),
  },
  { additionalProperties: false },
);
export type WaterQualityInput = Static<typeof WaterQualityInputSchema>;

/** A pollution detection (`POST /api/v1/ingest/river-events`): never a face or a person's identifier. */
export const RiverEventInputSchema = Type.Object(
  {
    /** The detector's own id of the event, for dedupe; default: camera id and time. */
    id: Type.Optional(IdSchema),
    kind: Type.String({ minLength: 1, maxLength: 40 }),
    observedAt: InputTimeSchema,
    cameraId: IdSchema,
    /** Where the behaviour was seen; default: the camera's position. */
    position: Type.Optional(LngLatSchema),
    confidence: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    /** Reference to the stored, redacted evidence clip. */
    evidenceRef: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export type RiverEventInput = Static<typeof RiverEventInputSchema>;

/** Aliases accepted for the pollution kinds at ingest (`dumping-sewage` is `sewage-dumping`). */
export const POLLUTION_KIND_ALIASES: Readonly<Record<string, PollutionEventKind>> = {
  'dumping-sewage': 'sewage-dumping',
  dumping: 'sewage-dumping',
  'washing-mops': 'washing',
  'washing-clothes': 'washing',
  'throwing-objects': 'throwing-objects',
};

/** Results an enforcement unit reports for a pollution case (the case `report` action's `result`). */
export const RIVER_ENFORCEMENT_RESULTS = ['enforced-on-site', 'educated', 'no-violation-found'] as const;
export type RiverEnforcementResult = (typeof RIVER_ENFORCEMENT_RESULTS)[number];

/** How the level forecast stands (`forecastTimeToWarning` of `@cbo/indices`). */
export const FORECAST_STATUSES = ['at-or-above', 'rising', 'not-rising', 'insufficient'] as const;

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** A gauge now: newest reading, colour, rise rates and the forecast time to warning. */
export const GaugeNowSchema = Type.Object({
  gaugeId: IdSchema,
  levelM: Nullable(Type.Number()),
  flowM3s: Nullable(Type.Number()),
  observedAt: Nullable(EpochMsSchema),
  source: Nullable(Type.String()),
  /** The newest reading is within the gauge freshness window. */
  fresh: Type.Boolean(),
  /** Colour of the newest fresh reading; `none` without one. */
  colour: WarningColourSchema,
  rise1hMPerH: Nullable(Type.Number()),
  rise3hMPerH: Nullable(Type.Number()),
  forecastStatus: Type.Union(FORECAST_STATUSES.map((s) => Type.Literal(s))),
  /** Forecast time until the warning level, ms (0 at or above it), null when not rising or unknown. */
  timeToWarningMs: Nullable(Type.Integer({ minimum: 0 })),
});
export type GaugeNow = Static<typeof GaugeNowSchema>;

/** A water-quality station now: newest value of each parameter and the class of the fresh ones. */
export const StationNowSchema = Type.Object({
  stationId: IdSchema,
  observedAt: Nullable(EpochMsSchema),
  source: Nullable(Type.String()),
  fresh: Type.Boolean(),
  doMgL: Nullable(Type.Number()),
  codMnMgL: Nullable(Type.Number()),
  nh3nMgL: Nullable(Type.Number()),
  tpMgL: Nullable(Type.Number()),
  ph: Nullable(Type.Number()),
  turbidityNtu: Nullable(Type.Number()),
  /** GB 3838-2002 class of the four fresh parameters (worst factor), null unless all four are fresh. */
  waterClass: Nullable(WaterClassSchema),
  /** The deciding parameters (`doMgL`, `codMnMgL`, `nh3nMgL`, `tpMgL`). */
  worstFactors: Type.Array(Type.String()),
  /** Class minus the station's target class; > 0 is worse than the target. Null without a class. */
  classOverTarget: Nullable(Type.Integer()),
});
export type StationNow = Static<typeof StationNowSchema>;

/** The river domain at one tick (`GET /api/v1/river/now`, socket `river:now`). */
export const RiverNowSchema = Type.Object({
  computedAt: EpochMsSchema,
  gauges: Type.Array(GaugeNowSchema),
  stations: Type.Array(StationNowSchema),
  reaches: Type.Array(ReachStatusSchema),
  /** Gauges per colour (fresh readings; stale gauges count as `none`). */
  gaugesByColour: Type.Object({
    none: Type.Integer(),
    blue: Type.Integer(),
    yellow: Type.Integer(),
    orange: Type.Integer(),
    red: Type.Integer(),
  }),
  /** Stations per class, index 0 = class I ... 5 = 劣V; `unknown` without a fresh class. */
  stationsByClass: Type.Array(Type.Integer(), { minItems: 6, maxItems: 6 }),
  stationsUnknownClass: Type.Integer(),
  stationsBelowTarget: Type.Integer(),
  /** Road segments near an orange or red gauge, taken as flooded (docs/rivers.md). */
  floodedSegmentIds: Type.Array(IdSchema),
  /** Mean rain intensity per district, mm/h (simulated rain field; empty with the simulator off). */
  rainByDistrict: Type.Array(Type.Object({ districtId: IdSchema, rainMmPerH: Type.Number() })),
  /** Pollution events in the last 24 h. */
  events24h: Type.Integer(),
});
export type RiverNow = Static<typeof RiverNowSchema>;

/** One point of a hydrograph. */
export const LevelPointSchema = Type.Object({ at: EpochMsSchema, levelM: Type.Number() });
export type LevelPoint = Static<typeof LevelPointSchema>;

/** A gauge's hydrograph of one local day with its thresholds and the forecast (`GET .../series`). */
export const GaugeSeriesSchema = Type.Object({
  gaugeId: IdSchema,
  /** Local day, YYYY-MM-DD. */
  date: Type.String(),
  from: EpochMsSchema,
  to: EpochMsSchema,
  levels: Type.Array(LevelPointSchema),
  thresholds: Type.Object({
    normalLevelM: Type.Number(),
    blueLevelM: Type.Number(),
    warningLevelM: Type.Number(),
    guaranteedLevelM: Type.Number(),
    historicMaxLevelM: Type.Number(),
  }),
  /** The fitted trend from the newest reading onwards (empty when not rising or unknown). */
  forecast: Type.Array(LevelPointSchema),
  timeToWarningMs: Nullable(Type.Integer({ minimum: 0 })),
});
export type GaugeSeries = Static<typeof GaugeSeriesSchema>;

/** A pollution event with the case it became and the case's result so far. */
export const RiverEventViewSchema = Type.Object({
  ...PollutionEventSchema.properties,
  caseId: Nullable(Type.String()),
  caseStatus: Nullable(Type.String()),
  /** The result the unit reported (one of {@link RIVER_ENFORCEMENT_RESULTS} or free text). */
  result: Nullable(Type.String()),
});
export type RiverEventView = Static<typeof RiverEventViewSchema>;

export const RiverEventListSchema = Type.Object({ events: Type.Array(RiverEventViewSchema) });
export type RiverEventList = Static<typeof RiverEventListSchema>;

/** Socket events of the river domain (default namespace, the room every client joins). */
export interface RiverServerToClientEvents {
  /** The river domain of this tick. */
  'river:now': (now: RiverNow) => void;
  /** One new pollution event. */
  'river:event': (event: RiverEventView) => void;
}
