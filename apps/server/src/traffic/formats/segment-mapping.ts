import type { City } from '@cbo/city';
import type { LngLat } from '@cbo/contracts';
import { pathMidpoint } from '@cbo/indices';

/** Largest distance from a reported geometry to the segment it is mapped to, metres. */
export const GEOMETRY_MAX_DISTANCE_M = 50;

/** A segment index, or the reason no segment can be chosen. */
export type SegmentMatch = { index: number } | { reason: string };

const isLngLat = (value: unknown): value is LngLat =>
  Array.isArray(value) &&
  value.length >= 2 &&
  typeof value[0] === 'number' &&
  typeof value[1] === 'number' &&
  Math.abs(value[0]) <= 180 &&
  Math.abs(value[1]) <= 90;

/**
 * Maps a GeoJSON Point or LineString (`[lng, lat]` WGS-84) to the nearest segment within
 * {@link GEOMETRY_MAX_DISTANCE_M}: a point as given, a line by its midpoint along its length.
 */
export function matchGeometry(
  city: Pick<City, 'nearestSegment'>,
  geometry: unknown,
  field: string,
): SegmentMatch {
  if (geometry === null || typeof geometry !== 'object')
    return { reason: `${field}: not a GeoJSON geometry` };
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  let point: LngLat;
  let what: string;
  if (type === 'Point' && isLngLat(coordinates)) {
    point = [coordinates[0], coordinates[1]];
    what = 'point';
  } else if (
    type === 'LineString' &&
    Array.isArray(coordinates) &&
    coordinates.length >= 2 &&
    coordinates.every(isLngLat)
  ) {
    point = pathMidpoint(coordinates.map((c) => [c[0], c[1]] as LngLat));
    what = 'midpoint of the LineString';
  } else {
    return {
      reason: `${field}: only a Point or a LineString of [lng, lat] positions can be mapped (got ${String(type)})`,
    };
  }
  const nearest = city.nearestSegment(point, GEOMETRY_MAX_DISTANCE_M);
  if (!nearest) {
    const at = `[${point[0].toFixed(5)}, ${point[1].toFixed(5)}]`;
    return { reason: `${field}: no road segment within ${GEOMETRY_MAX_DISTANCE_M} m of ${at} (${what})` };
  }
  return { index: nearest.index };
}

/** Parses an RFC 3339 time that carries a UTC offset; null when it is missing or has no offset. */
export function parseZonedTime(value: unknown): number | null {
  if (typeof value !== 'string' || !/(Z|[+-]\d{2}:?\d{2})$/i.test(value.trim())) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : at;
}
