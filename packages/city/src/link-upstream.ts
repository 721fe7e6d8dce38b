import type { LngLat } from '@cbo/contracts';
import { metresPerDegree } from './haversine-m';

/** What the linker needs of a directed segment. */
export interface LinkableSegment {
  readonly roadId: string;
  /** Travel direction on the road centre line: 'f' along it, 'b' against it. */
  readonly direction: string;
  readonly path: readonly LngLat[];
}

/** Default join tolerance between one segment's end and the next one's start, metres. */
export const JOIN_TOLERANCE_M = 60;

/**
 * For every segment, the indices of segments flowing into it: those whose last point lies within
 * `toleranceM` of its first point, excluding itself and the opposite direction of the same road
 * (a U-turn). This covers the previous piece of the same road and direction, and joining roads.
 * Uses a hash grid of end points with cells of `toleranceM`; the result lists are ascending.
 */
export function linkUpstream(
  segments: readonly LinkableSegment[],
  toleranceM = JOIN_TOLERANCE_M,
): number[][] {
  const first = segments[0]?.path[0];
  const { lngM, latM } = metresPerDegree(first ? first[1] : 0);
  const cellLng = toleranceM / lngM;
  const cellLat = toleranceM / latM;
  const key = (ix: number, iy: number): number => ix * 4_194_304 + iy;
  const ends = new Map<number, number[]>();
  segments.forEach((s, i) => {
    const end = s.path[s.path.length - 1] as LngLat;
    const k = key(Math.floor(end[0] / cellLng), Math.floor(end[1] / cellLat));
    const list = ends.get(k);
    if (list) list.push(i);
    else ends.set(k, [i]);
  });
  return segments.map((s, i) => {
    const start = s.path[0] as LngLat;
    const cx = Math.floor(start[0] / cellLng);
    const cy = Math.floor(start[1] / cellLat);
    const found: number[] = [];
    for (let x = cx - 1; x <= cx + 1; x += 1) {
      for (let y = cy - 1; y <= cy + 1; y += 1) {
        for (const j of ends.get(key(x, y)) ?? []) {
          if (j === i) continue;
          const other = segments[j] as LinkableSegment;
          if (other.roadId === s.roadId && other.direction !== s.direction) continue;
          const end = other.path[other.path.length - 1] as LngLat;
          const dM = Math.hypot((end[0] - start[0]) * lngM, (end[1] - start[1]) * latM);
          if (dM <= toleranceM) found.push(j);
        }
      }
    }
    return found.sort((a, b) => a - b);
  });
}
