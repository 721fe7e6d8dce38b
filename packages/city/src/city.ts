import type { CityDocument, LngLat, RoadSegment } from '@cbo/contracts';

/** The parsed JSON of a city fixture's four files (`city.json` and three GeoJSON FeatureCollections). */
export interface CityFixture {
  meta: { id: string; nameZh: string; nameEn: string; timeZone: string };
  districts: unknown;
  water: unknown;
  roads: unknown;
}

/** The city model: the served document plus per-segment typed arrays and spatial lookups. */
export interface City {
  /** What `GET /api/v1/city` serves. */
  readonly document: CityDocument;
  /** `=== document.segments`; `segments[i].index === i`. */
  readonly segments: readonly RoadSegment[];
  readonly segmentCount: number;
  readonly segmentIndexById: ReadonlyMap<string, number>;
  /** District ids in `document.districts` order. */
  readonly districtIds: readonly string[];
  /** Per segment: index into {@link City.districtIds}. */
  readonly segmentDistrict: Uint16Array;
  /** Per segment, metres. */
  readonly lengthM: Float32Array;
  /** Per segment, km/h. */
  readonly freeFlowKmh: Float32Array;
  /** Per segment, lanes per direction. */
  readonly lanes: Uint8Array;
  /** Per segment: index into `ROAD_CLASSES` of `@cbo/contracts`. */
  readonly roadClass: Uint8Array;
  /** Per segment: indices of the segments flowing into it. */
  readonly upstream: readonly (readonly number[])[];
  /** Id of the district containing the point, or null outside every district. */
  locateDistrict(point: LngLat): string | null;
  /** The segment nearest to the point within `maxDistanceM`, or null. */
  nearestSegment(point: LngLat, maxDistanceM: number): { index: number; distanceM: number } | null;
}
