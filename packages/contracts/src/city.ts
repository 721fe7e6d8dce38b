import { Type, type Static } from '@sinclair/typebox';
import { IdSchema, LngLatSchema } from './units';

/** Road classes of GB/T 33171-2016 (快速路, 主干路, 次干路, 支路). */
export const ROAD_CLASSES = ['expressway', 'arterial', 'secondary', 'branch'] as const;
export const RoadClassSchema = Type.Union(ROAD_CLASSES.map((c) => Type.Literal(c)));
export type RoadClass = (typeof ROAD_CLASSES)[number];

/** One directed road segment: the unit that observations, TTI and levels refer to. */
export const RoadSegmentSchema = Type.Object({
  id: IdSchema,
  /** Position of the segment in the city's segment list; wire frames refer to segments by this index. */
  index: Type.Integer({ minimum: 0 }),
  roadId: IdSchema,
  nameZh: Type.String(),
  nameEn: Type.String(),
  roadClass: RoadClassSchema,
  lanes: Type.Integer({ minimum: 1, maximum: 12 }),
  lengthM: Type.Number({ exclusiveMinimum: 0 }),
  freeFlowKmh: Type.Number({ exclusiveMinimum: 0, maximum: 140 }),
  districtId: IdSchema,
  /** Polyline in travel direction, `[lng, lat]` WGS-84. */
  path: Type.Array(LngLatSchema, { minItems: 2 }),
  /** Segments whose traffic flows into this one (same road, previous piece; plus joining roads). */
  upstreamIds: Type.Array(IdSchema),
});
export type RoadSegment = Static<typeof RoadSegmentSchema>;

export const DistrictSchema = Type.Object({
  id: IdSchema,
  nameZh: Type.String(),
  nameEn: Type.String(),
  /** MultiPolygon coordinates, `[lng, lat]` WGS-84. */
  polygons: Type.Array(Type.Array(Type.Array(LngLatSchema))),
  /** A point inside the district for its label. */
  labelAt: LngLatSchema,
});
export type District = Static<typeof DistrictSchema>;

export const WATER_KINDS = ['river', 'lake', 'canal'] as const;
export const WaterFeatureSchema = Type.Object({
  id: IdSchema,
  nameZh: Type.String(),
  nameEn: Type.String(),
  kind: Type.Union(WATER_KINDS.map((k) => Type.Literal(k))),
  /** Rivers and canals: centre line; lakes and wide rivers: polygon rings. One of the two is present. */
  line: Type.Optional(Type.Array(LngLatSchema)),
  polygon: Type.Optional(Type.Array(Type.Array(LngLatSchema))),
  /** Drawn width for line features, metres. */
  widthM: Type.Optional(Type.Number()),
});
export type WaterFeature = Static<typeof WaterFeatureSchema>;

/** The city as served by `GET /api/v1/city`: everything the screens need to draw it. */
export const CityDocumentSchema = Type.Object({
  id: IdSchema,
  nameZh: Type.String(),
  nameEn: Type.String(),
  timeZone: Type.String(),
  /** Hash of the ordered segment id list; wire frames carry it so a client never applies a frame to another city. */
  segmentsHash: Type.Integer({ minimum: 0 }),
  /** `[west, south, east, north]` in degrees. */
  bounds: Type.Tuple([Type.Number(), Type.Number(), Type.Number(), Type.Number()]),
  center: LngLatSchema,
  districts: Type.Array(DistrictSchema),
  water: Type.Array(WaterFeatureSchema),
  segments: Type.Array(RoadSegmentSchema),
});
export type CityDocument = Static<typeof CityDocumentSchema>;
