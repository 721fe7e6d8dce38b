import type { LngLat } from '@cbo/contracts';
import { haversineM, roundCoordinate } from './haversine-m';

/**
 * Splits a polyline into `max(1, round(length / pieceLengthM))` pieces of equal length, in path order.
 * Each piece keeps the original vertices that fall inside it; cut points are interpolated linearly
 * and rounded to 6 decimals. Consecutive pieces share their cut point.
 */
export function splitPath(path: readonly LngLat[], pieceLengthM: number): LngLat[][] {
  const legs: number[] = [];
  let totalM = 0;
  for (let i = 1; i < path.length; i += 1) {
    const legM = haversineM(path[i - 1] as LngLat, path[i] as LngLat);
    legs.push(legM);
    totalM += legM;
  }
  const count = Math.max(1, Math.round(totalM / pieceLengthM));
  const pieceM = totalM / count;
  const pieces: LngLat[][] = [];
  let current: LngLat[] = [copy(path[0] as LngLat)];
  let cursorM = 0;
  for (let i = 1; i < path.length; i += 1) {
    const from = path[i - 1] as LngLat;
    const to = path[i] as LngLat;
    const legM = legs[i - 1] as number;
    let nextCutM = (pieces.length + 1) * pieceM;
    while (pieces.length < count - 1 && nextCutM < cursorM + legM - 1e-6) {
      const t = (nextCutM - cursorM) / legM;
      const cut: LngLat = [
        roundCoordinate(from[0] + (to[0] - from[0]) * t),
        roundCoordinate(from[1] + (to[1] - from[1]) * t),
      ];
      current.push(cut);
      pieces.push(dedupe(current));
      current = [cut];
      nextCutM = (pieces.length + 1) * pieceM;
    }
    current.push(copy(to));
    cursorM += legM;
  }
  pieces.push(dedupe(current));
  return pieces;
}

function copy(point: LngLat): LngLat {
  return [roundCoordinate(point[0]), roundCoordinate(point[1])];
}

/** Drops consecutive duplicates but always keeps two points. */
function dedupe(points: LngLat[]): LngLat[] {
  const out: LngLat[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  if (out.length < 2) out.push([...(points[points.length - 1] as LngLat)] as LngLat);
  return out;
}
