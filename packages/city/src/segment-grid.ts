import type { LngLat } from '@cbo/contracts';
import { distanceToPolylineM } from './point-in-rings';
import { metresPerDegree } from './haversine-m';

/** A uniform grid over segment bounding boxes for nearest-segment queries. */
export interface SegmentGrid {
  nearest(point: LngLat, maxDistanceM: number): { index: number; distanceM: number } | null;
}

/**
 * Builds a uniform grid (cells of `cellM` metres, default 500) indexing every path by the cells its
 * bounding box touches. A query scans the cells within `maxDistanceM` of the point.
 */
export function createSegmentGrid(paths: readonly (readonly LngLat[])[], cellM = 500): SegmentGrid {
  let west = Infinity;
  let south = Infinity;
  let north = -Infinity;
  for (const path of paths) {
    for (const p of path) {
      if (p[0] < west) west = p[0];
      if (p[1] < south) south = p[1];
      if (p[1] > north) north = p[1];
    }
  }
  const { lngM, latM } = metresPerDegree(Number.isFinite(north) ? (south + north) / 2 : 0);
  const cellLng = cellM / lngM;
  const cellLat = cellM / latM;
  const cells = new Map<number, number[]>();
  const key = (ix: number, iy: number): number => ix * 1_048_576 + iy;
  paths.forEach((path, index) => {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const p of path) {
      const x = Math.floor((p[0] - west) / cellLng);
      const y = Math.floor((p[1] - south) / cellLat);
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
    for (let x = minX; x <= maxX; x += 1) {
      for (let y = minY; y <= maxY; y += 1) {
        const k = key(x, y);
        const list = cells.get(k);
        if (list) list.push(index);
        else cells.set(k, [index]);
      }
    }
  });
  return {
    nearest(point, maxDistanceM) {
      if (paths.length === 0 || !(maxDistanceM >= 0)) return null;
      const cx = Math.floor((point[0] - west) / cellLng);
      const cy = Math.floor((point[1] - south) / cellLat);
      const reach = Math.min(Math.ceil(maxDistanceM / cellM), 400);
      let best: { index: number; distanceM: number } | null = null;
      const seen = new Set<number>();
      for (let x = cx - reach; x <= cx + reach; x += 1) {
        for (let y = cy - reach; y <= cy + reach; y += 1) {
          const list = cells.get(key(x, y));
          if (!list) continue;
          for (const index of list) {
            if (seen.has(index)) continue;
            seen.add(index);
            const d = distanceToPolylineM(point, paths[index] as LngLat[]);
            if (
              d <= maxDistanceM &&
              (!best || d < best.distanceM || (d === best.distanceM && index < best.index))
            ) {
              best = { index, distanceM: d };
            }
          }
        }
      }
      return best;
    },
  };
}
