import type { LngLat } from '@cbo/contracts';

/** Mean Earth radius (IUGG), metres. */
export const EARTH_RADIUS_M = 6371008.8;

const RAD = Math.PI / 180;

/** Great-circle distance between two `[lng, lat]` points, metres (haversine formula). */
export function haversineM(a: LngLat, b: LngLat): number {
  const dLat = (b[1] - a[1]) * RAD;
  const dLng = (b[0] - a[0]) * RAD;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(s)));
}

/** Length of a polyline, metres: the sum of the haversine distances between consecutive points. */
export function pathLengthM(path: readonly LngLat[]): number {
  let total = 0;
  for (let i = 1; i < path.length; i += 1) total += haversineM(path[i - 1] as LngLat, path[i] as LngLat);
  return total;
}

/** Metres per degree of longitude and of latitude near `latDeg` (local equirectangular approximation). */
export function metresPerDegree(latDeg: number): { lngM: number; latM: number } {
  const latM = EARTH_RADIUS_M * RAD;
  return { lngM: latM * Math.cos(latDeg * RAD), latM };
}

/** Rounds a coordinate to `decimals` places (default 6, about 0.1 m). */
export function roundCoordinate(value: number, decimals = 6): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}
