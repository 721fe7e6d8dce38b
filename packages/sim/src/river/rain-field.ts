import type { LngLat } from '@cbo/contracts';
import { DEFAULT_STORMS_PER_DAY, stormIntensityMmPerH, stormsForDay } from './rain-storms';
import type { RainStorm } from './rain-storms';

/** Options of {@link createRainField}. */
export interface RainFieldOptions {
  seed: number;
  /** Mean generated storms per day; 0 for none. @default 0.4 */
  stormsPerDay?: number;
  /** Storms added to the generated ones (scenarios, tests). */
  storms?: readonly RainStorm[];
}

/** An area sampled at a few points, for area-mean rain (e.g. a district). */
export interface RainArea {
  id: string;
  points: readonly LngLat[];
}

/** Rain over the city as a pure function of place and time. */
export interface RainField {
  /** Rain intensity at a point, mm/h. */
  intensityMmPerHAt(point: LngLat, at: number): number;
  /** Mean intensity over each area's sample points, mm/h, in `areas` order (0 for an area without points). */
  areaIntensitiesMmPerH(areas: readonly RainArea[], at: number): Float64Array;
  /** Storms alive at `at` (ground truth). */
  stormsActiveAt(at: number): RainStorm[];
}

const DAY_MS = 86_400_000;
/** Generated storms last at most 6 h, so a storm alive now started today or yesterday. */
const LOOKBACK_DAYS = 1;
const CACHE_DAYS = 8;

/** Creates the seeded rain field: generated storms per UTC day plus the given ones. */
export function createRainField(options: RainFieldOptions): RainField {
  const { seed } = options;
  const stormsPerDay = options.stormsPerDay ?? DEFAULT_STORMS_PER_DAY;
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!(stormsPerDay >= 0)) throw new RangeError(`stormsPerDay must be >= 0, got ${stormsPerDay}`);
  const extra = options.storms ?? [];
  const cache = new Map<number, RainStorm[]>();
  const ofDay = (day: number): RainStorm[] => {
    let storms = cache.get(day);
    if (!storms) {
      storms = stormsPerDay > 0 ? stormsForDay(seed, day, stormsPerDay) : [];
      if (cache.size >= CACHE_DAYS) cache.delete(cache.keys().next().value!);
      cache.set(day, storms);
    }
    return storms;
  };
  const stormsActiveAt = (at: number): RainStorm[] => {
    const day = Math.floor(at / DAY_MS);
    const out: RainStorm[] = [];
    for (let d = day - LOOKBACK_DAYS; d <= day; d += 1) {
      for (const s of ofDay(d)) if (at >= s.startAt && at < s.endAt) out.push(s);
    }
    for (const s of extra) if (at >= s.startAt && at < s.endAt) out.push(s);
    return out;
  };
  const intensityMmPerHAt = (point: LngLat, at: number): number => {
    let total = 0;
    for (const storm of stormsActiveAt(at)) total += stormIntensityMmPerH(storm, point, at);
    return total;
  };
  return {
    intensityMmPerHAt,
    stormsActiveAt,
    areaIntensitiesMmPerH(areas, at) {
      const active = stormsActiveAt(at);
      return Float64Array.from(areas, (area) => {
        if (area.points.length === 0 || active.length === 0) return 0;
        let sum = 0;
        for (const p of area.points) for (const s of active) sum += stormIntensityMmPerH(s, p, at);
        return sum / area.points.length;
      });
    },
  };
}
