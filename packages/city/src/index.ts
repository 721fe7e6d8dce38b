export type { City, CityFixture } from './city';
export { parseCityFixture, buildCity, DEFAULT_SEGMENT_LENGTH_M } from './build-city';
export type { BuildCityOptions } from './build-city';
export { CityFixtureError } from './city-fixture-error';
export { densifyCity } from './densify-city';
export type { DensifyOptions } from './densify-city';
export { hashSegmentIds } from './hash-segment-ids';
export { haversineM, pathLengthM } from './haversine-m';
export { gcj02ToWgs84, wgs84ToGcj02 } from './gcj02';
export { mulberry32 } from './mulberry32';
export type { RandomSource } from './mulberry32';
export { JOIN_TOLERANCE_M } from './link-upstream';
export type { RiverFixture, RiverNetwork, NearestHit } from './river/river-network';
export { parseRiverFixture, buildRiverNetwork, assembleRiverNetwork } from './river/build-river-network';
export type { RiverNetworkOptions } from './river/build-river-network';
export { validateRiverFixture, GAUGE_LEVEL_KEYS } from './river/validate-river-fixture';
export { createBikeZoneIndex } from './bikes/bike-zone-index';
export type { BikeZoneIndex } from './bikes/bike-zone-index';
export { parseBikeFixture } from './bikes/parse-bike-fixture';
export type {
  BikeAreaUse,
  BikeFixtureStation,
  BikeFixtureZone,
  BikeFixtureOperator,
  BikeCityFixture,
  BikeFixtureRejection,
} from './bikes/parse-bike-fixture';
