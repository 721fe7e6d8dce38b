import type { LngLat } from '@cbo/contracts';
import { pointInRings } from '../point-in-rings';

/** Point-in-zone lookups over a uniform grid of zone bounding boxes. */
export interface BikeZoneIndex {
  /** Indices (in the given order) of every zone containing the point, ascending. */
  zonesAt(point: LngLat): number[];
  /** Index of the first zone containing the point, or -1 (no allocation: the hot path at 300,000 bikes). */
  firstZoneAt(lng: number, lat: number): number;
}

/** Grid cell size, degrees (about 110 m north-south). */
const CELL_DEG = 0.001;

/**
 * Builds a lookup over zones given as MultiPolygon coordinates (`[lng, lat]`). Each zone is registered in the
 * grid cells its bounding box covers; a query tests only the zones of its cell.
 */
export function createBikeZoneIndex(zones: readonly (readonly LngLat[][][])[]): BikeZoneIndex {
  const rings = zones.map((polygons) => polygons.flat());
  const cells = new Map<number, number[]>();
  const key = (cx: number, cy: number): number => cx * 1_000_003 + cy;
  rings.forEach((zoneRings, zone) => {
    let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const ring of zoneRings) {
      for (const [lng, lat] of ring) {
        w = Math.min(w, lng);
        s = Math.min(s, lat);
        e = Math.max(e, lng);
        n = Math.max(n, lat);
      }
    }
    if (!Number.isFinite(w)) return;
    for (let cx = Math.floor(w / CELL_DEG); cx <= Math.floor(e / CELL_DEG); cx++) {
      for (let cy = Math.floor(s / CELL_DEG); cy <= Math.floor(n / CELL_DEG); cy++) {
        const list = cells.get(key(cx, cy));
        if (list) list.push(zone);
        else cells.set(key(cx, cy), [zone]);
      }
    }
  });
  const candidates = (lng: number, lat: number): readonly number[] =>
    cells.get(key(Math.floor(lng / CELL_DEG), Math.floor(lat / CELL_DEG))) ?? [];
  return {
    zonesAt(point) {
      return candidates(point[0], point[1]).filter((zone) => pointInRings(point, rings[zone]!));
    },
    firstZoneAt(lng, lat) {
      const list = candidates(lng, lat);
      for (const zone of list) if (pointInRings([lng, lat], rings[zone]!)) return zone;
      return -1;
    },
  };
}
