import type { LngLat } from '@cbo/contracts';
import { metresPerDegree } from './haversine-m';

/** True when `point` is inside the rings by the even-odd rule (outer ring plus holes, or several polygons). */
export function pointInRings(point: LngLat, rings: readonly (readonly LngLat[])[]): boolean {
  const [x, y] = point;
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
      const a = ring[i] as LngLat;
      const b = ring[j] as LngLat;
      if (a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
    }
  }
  return inside;
}

/** Distance in metres from `point` to the nearest point of a polyline (local equirectangular approximation). */
export function distanceToPolylineM(point: LngLat, line: readonly LngLat[]): number {
  const { lngM, latM } = metresPerDegree(point[1]);
  let best = Infinity;
  for (let i = 1; i < line.length; i += 1) {
    const a = line[i - 1] as LngLat;
    const b = line[i] as LngLat;
    const ax = (a[0] - point[0]) * lngM;
    const ay = (a[1] - point[1]) * latM;
    const bx = (b[0] - point[0]) * lngM;
    const by = (b[1] - point[1]) * latM;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
    const d = Math.hypot(ax + t * dx, ay + t * dy);
    if (d < best) best = d;
  }
  if (line.length === 1) {
    const only = line[0] as LngLat;
    best = Math.hypot((only[0] - point[0]) * lngM, (only[1] - point[1]) * latM);
  }
  return best;
}

/** Sorted longitudes where the horizontal line at `lat` crosses the rings (even-odd scanline). */
export function ringCrossingsAtLat(rings: readonly (readonly LngLat[])[], lat: number): Float64Array {
  const xs: number[] = [];
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
      const a = ring[i] as LngLat;
      const b = ring[j] as LngLat;
      if (a[1] > lat !== b[1] > lat) xs.push(((b[0] - a[0]) * (lat - a[1])) / (b[1] - a[1]) + a[0]);
    }
  }
  return Float64Array.from(xs).sort();
}

/** Whether `lng` lies inside given the sorted scanline crossings (odd number of crossings to its left). */
export function insideByCrossings(crossings: Float64Array, lng: number): boolean {
  let lo = 0;
  let hi = crossings.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((crossings[mid] as number) < lng) lo = mid + 1;
    else hi = mid;
  }
  return (lo & 1) === 1;
}

/**
 * A point inside the polygon rings for a label: the middle of the widest inside interval found on nine
 * scanlines across the middle of the bounding box. Falls back to the first vertex for degenerate input.
 */
export function labelPoint(rings: readonly (readonly LngLat[])[]): LngLat {
  let south = Infinity;
  let north = -Infinity;
  for (const ring of rings) {
    for (const p of ring) {
      south = Math.min(south, p[1]);
      north = Math.max(north, p[1]);
    }
  }
  let best: LngLat | null = null;
  let bestScore = -Infinity;
  for (let k = 1; k <= 9; k += 1) {
    const lat = south + ((north - south) * (k + 0.5)) / 11;
    const xs = ringCrossingsAtLat(rings, lat);
    for (let i = 0; i + 1 < xs.length; i += 2) {
      const width = (xs[i + 1] as number) - (xs[i] as number);
      const score = width * (1 - Math.abs(k - 5) / 10);
      if (score > bestScore) {
        bestScore = score;
        best = [((xs[i] as number) + (xs[i + 1] as number)) / 2, lat];
      }
    }
  }
  const fallback = rings[0]?.[0] ?? [0, 0];
  const chosen = best ?? fallback;
  return [Math.round(chosen[0] * 1e5) / 1e5, Math.round(chosen[1] * 1e5) / 1e5];
}
