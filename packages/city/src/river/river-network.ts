import type {
  Gauge,
  LngLat,
  RiverCamera,
  RiverNetworkDocument,
  RiverReach,
  WaterQualityStation,
} from '@cbo/contracts';

/** The parsed JSON of the four river fixture files (GeoJSON FeatureCollections). */
export interface RiverFixture {
  gauges: unknown;
  stations: unknown;
  cameras: unknown;
  reaches: unknown;
}

/** A nearest-neighbour hit: the index into the network's list and the distance, metres. */
export interface NearestHit {
  index: number;
  distanceM: number;
}

/** The river model: gauges, water-quality stations, cameras and reaches, with id maps and spatial lookups. */
export interface RiverNetwork {
  /** What the screens draw (`RiverNetworkDocument` of `@cbo/contracts`). */
  readonly document: RiverNetworkDocument;
  readonly gauges: readonly Gauge[];
  readonly stations: readonly WaterQualityStation[];
  readonly cameras: readonly RiverCamera[];
  readonly reaches: readonly RiverReach[];
  readonly gaugeIndexById: ReadonlyMap<string, number>;
  readonly stationIndexById: ReadonlyMap<string, number>;
  readonly cameraIndexById: ReadonlyMap<string, number>;
  readonly reachIndexById: ReadonlyMap<string, number>;
  /** Per gauge: index of its reach in {@link RiverNetwork.reaches}. */
  readonly gaugeReach: Uint16Array;
  /** Per station: index of its reach. */
  readonly stationReach: Uint16Array;
  /** The gauge nearest to `point` within `maxDistanceM`, or null. */
  nearestGauge(point: LngLat, maxDistanceM: number): NearestHit | null;
  /** The water-quality station nearest to `point` within `maxDistanceM`, or null. */
  nearestStation(point: LngLat, maxDistanceM: number): NearestHit | null;
  /** The reach nearest to `point` (distance 0 inside a lake reach) within `maxDistanceM`, or null. */
  nearestReach(point: LngLat, maxDistanceM: number): NearestHit | null;
}
