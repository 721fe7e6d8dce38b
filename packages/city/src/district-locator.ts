import type { LngLat } from '@cbo/contracts';
import { distanceToPolylineM, pointInRings } from './point-in-rings';

/** Point-in-district lookups over a uniform grid of district bounding boxes. */
export interface DistrictLocator {
  /** Index of the district containing the point, or -1. */
  locate(point: LngLat): number;
  /** Index of the containing district, else of the nearest one by distance to its outline. */
  locateOrNearest(point: LngLat): number;
}

const GRID = 64;

/** Builds a locator for districts given as MultiPolygon coordinates, in list order. */
export function createDistrictLocator(districts: readonly (readonly LngLat[][][])[]): DistrictLocator {
  const rings = districts.map((polygons) => polygons.flat());
  const boxes = rings.map((rs) => {
    const box = [Infinity, Infinity, -Infinity, -Infinity] as [number, number, number, number];
    for (const ring of rs) {
      for (const p of ring) {
        box[0] = Math.min(box[0], p[0]);
        box[1] = Math.min(box[1], p[1]);
        box[2] = Math.max(box[2], p[0]);
        box[3] = Math.max(box[3], p[1]);
      }
    }
    return box;
  });
  const west = Math.min(...boxes.map((b) => b[0]));
  const south = Math.min(...boxes.map((b) => b[1]));
  const dx = (Math.max(...boxes.map((b) => b[2])) - west) / GRID || 1;
  const dy = (Math.max(...boxes.map((b) => b[3])) - south) / GRID || 1;
  const cells: number[][] = Array.from({ length: GRID * GRID }, () => []);
  boxes.forEach((b, d) => {
    const x0 = Math.max(0, Math.floor((b[0] - west) / dx));
    const x1 = Math.min(GRID - 1, Math.floor((b[2] - west) / dx));
    const y0 = Math.max(0, Math.floor((b[1] - south) / dy));
    const y1 = Math.min(GRID - 1, Math.floor((b[3] - south) / dy));
    for (let x = x0; x <= x1; x += 1) for (let y = y0; y <= y1; y += 1) cells[y * GRID + x]?.push(d);
  });

  const locate = (point: LngLat): number => {
    const x = Math.floor((point[0] - west) / dx);
    const y = Math.floor((point[1] - south) / dy);
    if (x < 0 || y < 0 || x >= GRID || y >= GRID) return -1;
    for (const d of cells[y * GRID + x] ?? []) if (pointInRings(point, rings[d] as LngLat[][])) return d;
    return -1;
  };
  return {
    locate,
    locateOrNearest(point) {
      const inside = locate(point);
      if (inside >= 0) return inside;
      let best = 0;
      let bestM = Infinity;
      rings.forEach((rs, d) => {
        for (const ring of rs) {
          const m = distanceToPolylineM(point, ring);
          if (m < bestM) {
            bestM = m;
            best = d;
          }
        }
      });
      return best;
    },
  };
}
