import type { Case, CityDocument, LngLat } from '@cbo/contracts';

/** The paths a case is about: its segments, or every segment of its district; empty for the network. */
export function casePaths(c: Case, city: CityDocument): LngLat[][] {
  const ids = new Set(c.alerts.filter((a) => a.target === 'segment').map((a) => a.entityId));
  const districts = new Set(c.alerts.filter((a) => a.target === 'district').map((a) => a.entityId));
  return city.segments
    .filter((s) => ids.has(s.id) || districts.has(s.districtId))
    .map((s) => s.path as LngLat[]);
}

/** Bounds `[west, south, east, north]` of paths, padded to at least `minSpanDeg`; null when there are none. */
export function pathsBounds(
  paths: readonly LngLat[][],
  minSpanDeg = 0.01,
): [number, number, number, number] | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const path of paths) {
    for (const [lng, lat] of path) {
      west = Math.min(west, lng);
      east = Math.max(east, lng);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
  }
  if (!Number.isFinite(west)) return null;
  const padLng = Math.max(0, (minSpanDeg - (east - west)) / 2);
  const padLat = Math.max(0, (minSpanDeg - (north - south)) / 2);
  return [west - padLng, south - padLat, east + padLng, north + padLat];
}
