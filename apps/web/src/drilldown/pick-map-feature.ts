import type { CityDocument, DrilldownKind, LngLat } from '@cbo/contracts';

/** What the drill-down shows: an area kind and its id. */
export interface DrilldownSelection {
  kind: DrilldownKind;
  id: string;
}

/** Screen pixel `[x, y]`. */
export type PixelPoint = [x: number, y: number];

function distanceToSegmentPx(p: PixelPoint, a: PixelPoint, b: PixelPoint): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSq = dx * dx + dy * dy;
  const t =
    lengthSq === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / lengthSq));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Whether `[lng, lat]` lies inside a ring (ray casting; planar, fine at city scale). */
export function insideRing(point: LngLat, ring: readonly LngLat[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > point[1] !== yj > point[1] && point[0] < ((xj - xi) * (point[1] - yi)) / (yj - yi) + xi) {
      inside = !inside;
    }
  }
  return inside;
}

/**
 * What a click at screen pixel `at` (geographic position `lngLat`) selects: the segment drawn nearest to it
 * within `tolerancePx`, else the district containing it, else nothing.
 *
 * @param project - geographic `[lng, lat]` to screen pixels of the same map
 */
export function pickMapFeature(
  city: Pick<CityDocument, 'segments' | 'districts'>,
  project: (lngLat: LngLat) => PixelPoint,
  at: PixelPoint,
  lngLat: LngLat,
  tolerancePx: number,
): DrilldownSelection | null {
  let best: string | null = null;
  let bestDistance = tolerancePx;
  for (const segment of city.segments) {
    let previous = project(segment.path[0]!);
    for (let k = 1; k < segment.path.length; k += 1) {
      const next = project(segment.path[k]!);
      const distance = distanceToSegmentPx(at, previous, next);
      if (distance <= bestDistance) {
        bestDistance = distance;
        best = segment.id;
      }
      previous = next;
    }
  }
  if (best !== null) return { kind: 'segment', id: best };
  for (const district of city.districts) {
    for (const polygon of district.polygons) {
      const [outer, ...holes] = polygon;
      if (outer && insideRing(lngLat, outer) && !holes.some((hole) => insideRing(lngLat, hole))) {
        return { kind: 'district', id: district.id };
      }
    }
  }
  return null;
}
