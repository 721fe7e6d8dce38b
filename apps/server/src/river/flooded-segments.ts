import type { City, RiverNetwork } from '@cbo/city';
import type { LngLat } from '@cbo/contracts';

/** Segments within this distance of an orange or red gauge are taken as flooded, metres. */
export const FLOOD_RADIUS_M = 400;

const M_PER_DEG_LAT = 111_320;

/** Distance from `p` to the polyline `path`, metres (local equirectangular projection, fine at city scale). */
export function distanceToPathM(p: LngLat, path: readonly LngLat[]): number {
  const kx = M_PER_DEG_LAT * Math.cos((p[1] * Math.PI) / 180);
  let best = Infinity;
  for (let i = 0; i + 1 < path.length; i++) {
    const a = path[i] as LngLat;
    const b = path[i + 1] as LngLat;
    const ax = (a[0] - p[0]) * kx;
    const ay = (a[1] - p[1]) * M_PER_DEG_LAT;
    const bx = (b[0] - p[0]) * kx;
    const by = (b[1] - p[1]) * M_PER_DEG_LAT;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
    best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
  }
  return best;
}

/**
 * Per gauge, the indices of the road segments within `radiusM` of it: the low roads and underpasses a
 * river at its guaranteed level or above floods first. Computed once at start (gauges x segments).
 */
export function segmentsNearGauges(
  network: Pick<RiverNetwork, 'gauges'>,
  city: Pick<City, 'segments'>,
  radiusM = FLOOD_RADIUS_M,
): number[][] {
  return network.gauges.map((gauge) => {
    const [lng, lat] = gauge.position;
    const near: number[] = [];
    for (const segment of city.segments) {
      // Cheap reject: no vertex within radius + segment length (degrees, generous in longitude).
      const padDeg = (radiusM + segment.lengthM) / M_PER_DEG_LAT;
      const inBox = segment.path.some(
        ([x, y]) => Math.abs(x - lng) < padDeg * 1.5 && Math.abs(y - lat) < padDeg,
      );
      if (inBox && distanceToPathM(gauge.position, segment.path) <= radiusM) near.push(segment.index);
    }
    return near;
  });
}
