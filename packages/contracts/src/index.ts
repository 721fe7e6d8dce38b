export { EpochMsSchema, LngLatSchema, IdSchema } from './units';
export type { EpochMs, LngLat, LinearRing, PolygonCoordinates, MultiPolygonCoordinates, Id } from './units';
export {
  ROAD_CLASSES,
  RoadClassSchema,
  RoadSegmentSchema,
  DistrictSchema,
  WATER_KINDS,
  WaterFeatureSchema,
  CityDocumentSchema,
} from './city';
export type { RoadClass, RoadSegment, District, WaterFeature, CityDocument } from './city';
export {
  MAX_PLAUSIBLE_SPEED_KMH,
  MAX_FUTURE_SKEW_MS,
  TrafficObservationInputSchema,
  RejectedItemSchema,
  IngestResultSchema,
  CONGESTION_LEVELS,
  CONGESTION_LEVEL_KEYS,
  AreaIndicesSchema,
  TrafficNowSchema,
  TtiPointSchema,
  TtiSeriesSchema,
} from './traffic';
export type {
  TrafficObservationInput,
  TrafficObservation,
  RejectedItem,
  IngestResult,
  CongestionLevel,
  AreaIndices,
  TrafficNow,
  TtiPoint,
  TtiSeries,
} from './traffic';
export { FeedHealthSchema, HealthSchema } from './health';
export type { FeedHealth, Health } from './health';
export { ROOMS } from './socket';
export type { Room, ServerToClientEvents, ClientToServerEvents } from './socket';
export {
  FRAME_MAGIC,
  FRAME_VERSION,
  FRAME_KIND_SNAPSHOT,
  FRAME_KIND_DELTA,
  SPEED_UNKNOWN,
  SPEED_SCALE,
} from './frame';
export type { FrameKind } from './frame';
