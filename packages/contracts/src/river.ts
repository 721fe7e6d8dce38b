import { Type, type Static } from '@sinclair/typebox';
import { EpochMsSchema, IdSchema, LngLatSchema } from './units';

/**
 * Surface-water classes of GB 3838-2002 as integers: 1 = I ... 5 = V, 6 = 劣V (worse than V).
 * `WATER_CLASS_LABELS[c - 1]` is the label of class `c`.
 */
export const WATER_CLASSES = [1, 2, 3, 4, 5, 6] as const;
export const WATER_CLASS_LABELS = ['I', 'II', 'III', 'IV', 'V', '劣V'] as const;
export const WaterClassSchema = Type.Union(WATER_CLASSES.map((c) => Type.Literal(c)));
export type WaterClass = (typeof WATER_CLASSES)[number];

/** Target classes a station may be given (II to V; I is for source waters, not found in the city). */
export const TARGET_WATER_CLASSES = [2, 3, 4, 5] as const;
export const TargetWaterClassSchema = Type.Union(TARGET_WATER_CLASSES.map((c) => Type.Literal(c)));
export type TargetWaterClass = (typeof TARGET_WATER_CLASSES)[number];

/** Flood-warning colours of the Ministry of Water Resources signals, `none` below the blue threshold. */
export const WARNING_COLOURS = ['none', 'blue', 'yellow', 'orange', 'red'] as const;
export const WarningColourSchema = Type.Union(WARNING_COLOURS.map((c) => Type.Literal(c)));
export type WarningColour = (typeof WARNING_COLOURS)[number];

/** Height datums a gauge's levels may refer to. */
export const LEVEL_DATUMS = ['wusong', 'national-1985'] as const;
export const LevelDatumSchema = Type.Union(LEVEL_DATUMS.map((d) => Type.Literal(d)));
export type LevelDatum = (typeof LEVEL_DATUMS)[number];

const LevelM = Type.Number({ minimum: -20, maximum: 100, description: 'metres above the datum' });

/** A water-level gauge with its characteristic levels (常水位 < 起涨 < 警戒 < 保证 < 历史最高). */
export const GaugeSchema = Type.Object({
  id: IdSchema,
  nameZh: Type.String(),
  nameEn: Type.String(),
  /** `[lng, lat]` WGS-84. */
  position: LngLatSchema,
  /** Water feature of the city (`CityDocument.water[].id`) the gauge stands on. */
  waterId: IdSchema,
  riverNameZh: Type.String(),
  riverNameEn: Type.String(),
  reachId: IdSchema,
  datum: LevelDatumSchema,
  /** Normal (controlled) level, m. */
  normalLevelM: LevelM,
  /** Set-up level 起涨水位, m: the river is rising. */
  setUpLevelM: LevelM,
  /** Warning level 警戒水位, m. */
  warningLevelM: LevelM,
  /** Guaranteed level 保证水位, m: the highest level the banks are built to hold. */
  guaranteedLevelM: LevelM,
  /** Highest level ever recorded, m. */
  historicMaxLevelM: LevelM,
  /** Area draining to the gauge within the city, km² (drives the simulated runoff). */
  catchmentKm2: Type.Number({ exclusiveMinimum: 0 }),
});
export type Gauge = Static<typeof GaugeSchema>;

/** A water-quality monitoring station with its target class. */
export const WaterQualityStationSchema = Type.Object({
  id: IdSchema,
  nameZh: Type.String(),
  nameEn: Type.String(),
  position: LngLatSchema,
  waterId: IdSchema,
  reachId: IdSchema,
  targetClass: TargetWaterClassSchema,
  /** Lakes and reservoirs have stricter total-phosphorus limits in GB 3838-2002. */
  isLake: Type.Boolean(),
});
export type WaterQualityStation = Static<typeof WaterQualityStationSchema>;

/** A camera watching a river bank for pollution behaviour. */
export const RiverCameraSchema = Type.Object({
  id: IdSchema,
  nameZh: Type.String(),
  nameEn: Type.String(),
  position: LngLatSchema,
  waterId: IdSchema,
  reachId: IdSchema,
});
export type RiverCamera = Static<typeof RiverCameraSchema>;

/** A named stretch of a river, or a whole lake, with the gauges, stations and cameras on it. */
export const RiverReachSchema = Type.Object({
  id: IdSchema,
  nameZh: Type.String(),
  nameEn: Type.String(),
  waterId: IdSchema,
  /** Centre line (rivers, canals) or outline ring(s) (lakes), `[lng, lat]`. One of the two is present. */
  line: Type.Optional(Type.Array(LngLatSchema, { minItems: 2 })),
  polygon: Type.Optional(Type.Array(Type.Array(LngLatSchema))),
  gaugeIds: Type.Array(IdSchema),
  stationIds: Type.Array(IdSchema),
  cameraIds: Type.Array(IdSchema),
});
export type RiverReach = Static<typeof RiverReachSchema>;

/** Everything the screens need to draw the river network (`GET /api/v1/river/network`). */
export const RiverNetworkDocumentSchema = Type.Object({
  gauges: Type.Array(GaugeSchema),
  stations: Type.Array(WaterQualityStationSchema),
  cameras: Type.Array(RiverCameraSchema),
  reaches: Type.Array(RiverReachSchema),
});
export type RiverNetworkDocument = Static<typeof RiverNetworkDocumentSchema>;

/** One water-level reading. */
export const GaugeReadingSchema = Type.Object({
  gaugeId: IdSchema,
  observedAt: EpochMsSchema,
  levelM: LevelM,
  /** Discharge, m³/s, when the station measures or rates it. */
  flowM3s: Type.Optional(Type.Number({ minimum: 0 })),
  source: Type.String({ minLength: 1, maxLength: 64 }),
});
export type GaugeReading = Static<typeof GaugeReadingSchema>;

/** One water-quality sample; concentrations in mg/L. */
export const WaterQualityReadingSchema = Type.Object({
  stationId: IdSchema,
  observedAt: EpochMsSchema,
  /** Dissolved oxygen, mg/L. */
  doMgL: Type.Number({ minimum: 0, maximum: 30 }),
  /** Permanganate index COD_Mn, mg/L. */
  codMnMgL: Type.Number({ minimum: 0, maximum: 200 }),
  /** Ammonia nitrogen NH3-N, mg/L. */
  nh3nMgL: Type.Number({ minimum: 0, maximum: 100 }),
  /** Total phosphorus TP, mg/L. */
  tpMgL: Type.Number({ minimum: 0, maximum: 50 }),
  ph: Type.Optional(Type.Number({ minimum: 0, maximum: 14 })),
  turbidityNtu: Type.Optional(Type.Number({ minimum: 0 })),
  source: Type.String({ minLength: 1, maxLength: 64 }),
});
export type WaterQualityReading = Static<typeof WaterQualityReadingSchema>;

/** Pollution behaviours a river camera detects. */
export const POLLUTION_EVENT_KINDS = ['sewage-dumping', 'littering', 'washing', 'throwing-objects'] as const;
export const PollutionEventKindSchema = Type.Union(POLLUTION_EVENT_KINDS.map((k) => Type.Literal(k)));
export type PollutionEventKind = (typeof POLLUTION_EVENT_KINDS)[number];

/** A detected pollution behaviour. Evidence is a redacted clip reference: never a face or a person's id. */
export const PollutionEventSchema = Type.Object({
  id: IdSchema,
  kind: PollutionEventKindSchema,
  observedAt: EpochMsSchema,
  position: LngLatSchema,
  cameraId: IdSchema,
  reachId: IdSchema,
  /** Detector confidence 0..1. */
  confidence: Type.Number({ minimum: 0, maximum: 1 }),
  /** Reference to the stored, face-blurred evidence clip. */
  evidenceRef: Type.String({ minLength: 1, maxLength: 256 }),
  source: Type.String({ minLength: 1, maxLength: 64 }),
});
export type PollutionEvent = Static<typeof PollutionEventSchema>;

/** Status of one reach: the worst gauge colour and the worst water class on it. */
export const ReachStatusSchema = Type.Object({
  reachId: IdSchema,
  colour: WarningColourSchema,
  /** Gauge with the worst colour (highest level over its warning level on ties), null without fresh gauges. */
  worstGaugeId: Type.Union([IdSchema, Type.Null()]),
  /** Worst fresh water class on the reach, null without fresh samples. */
  waterClass: Type.Union([WaterClassSchema, Type.Null()]),
  worstStationId: Type.Union([IdSchema, Type.Null()]),
  /** Stations whose fresh class is worse than their target. */
  belowTargetStationIds: Type.Array(IdSchema),
  /** Share of the reach's gauges and stations with a fresh reading, 0..1. */
  coverage: Type.Number({ minimum: 0, maximum: 1 }),
  /** Newest input time, or null when there is none. */
  newestAt: Type.Union([EpochMsSchema, Type.Null()]),
});
export type ReachStatus = Static<typeof ReachStatusSchema>;
