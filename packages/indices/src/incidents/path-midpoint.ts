import type { LngLat } from '@cbo/contracts';

/**
 * The point halfway along a polyline by length, `[lng, lat]`. Lengths use an equirectangular approximation,
 * exact enough over one road segment.
 */
export function pathMidpoint(path: readonly LngLat[]): LngLat {
  if (path.length === 0) throw new RangeError('path has no points');
  if (path.length === 1) return [path[0]![0], path[0]![1]];
  const lengths: number[] = [];
  let total = 0;
  for (let k = 1; k < path.length; k += 1) {
    const [lng0, lat0] = path[k - 1]!;
    const [lng1, lat1] = path[k]!;
    const cosLat = Math.cos((((lat0 + lat1) / 2) * Math.PI) / 180);
    const piece = Math.hypot((lng1 - lng0) * cosLat, lat1 - lat0);
    lengths.push(piece);
    total += piece;
  }
  let remaining = total / 2;
  for (let k = 1; k < path.length; k += 1) {
    const piece = lengths[k - 1]!;
    if (remaining <= piece && piece > 0) {
      const t = remaining / piece;
      const [lng0, lat0] = path[k - 1]!;
      const [lng1, lat1] = path[k]!;
      return [lng0 + (lng1 - lng0) * t, lat0 + (lat1 - lat0) * t];
    }
    remaining -= piece;
  }
  const last = path[path.length - 1]!;
  return [last[0], last[1]];
}
