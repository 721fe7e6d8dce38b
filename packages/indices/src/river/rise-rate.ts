/** One level reading: time (epoch ms) and level, metres. */
export interface LevelSample {
  at: number;
  levelM: number;
}

/** Options of {@link riseRateMPerH}. */
export interface RiseRateOptions {
  /**
   * Largest gap between the readings around the window start that may be bridged by linear interpolation, ms;
   * and the oldest the newest reading may be. @default 1_800_000 (30 min)
   */
  maxGapMs?: number;
}

/** One hour and three hours, ms: the two rise-rate windows on the screens. */
export const RISE_WINDOW_1H_MS = 3_600_000;
export const RISE_WINDOW_3H_MS = 10_800_000;
const DEFAULT_MAX_GAP_MS = 1_800_000;

/** Index of the last sample with `at <= t` in time-ordered samples, or -1. */
function lastAtOrBefore(samples: readonly LevelSample[], t: number): number {
  let lo = 0;
  let hi = samples.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((samples[mid] as LevelSample).at <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * Level at time `t` from time-ordered samples: exact at a sample, linear between the two samples around `t`
 * when they are at most `maxGapMs` apart; null otherwise (before the first or after the last sample, or a gap).
 */
export function levelAt(
  samples: readonly LevelSample[],
  t: number,
  maxGapMs = DEFAULT_MAX_GAP_MS,
): number | null {
  const i = lastAtOrBefore(samples, t);
  if (i < 0) return null;
  const a = samples[i] as LevelSample;
  if (a.at === t) return a.levelM;
  const b = samples[i + 1];
  if (!b || b.at - a.at > maxGapMs) return null;
  return a.levelM + ((b.levelM - a.levelM) * (t - a.at)) / (b.at - a.at);
}

/**
 * Rise rate over a window, metres per hour: (newest level - level at (newest time - window)) / window.
 * The newest sample at or before `now` is "now"; it must be at most `maxGapMs` old. Positive is rising.
 * Null when the window start cannot be interpolated (history too short or a gap) or nothing is fresh.
 * `samples` must be in time order.
 */
export function riseRateMPerH(
  samples: readonly LevelSample[],
  now: number,
  windowMs: number,
  options: RiseRateOptions = {},
): number | null {
  const maxGapMs = options.maxGapMs ?? DEFAULT_MAX_GAP_MS;
  const i = lastAtOrBefore(samples, now);
  if (i < 0) return null;
  const newest = samples[i] as LevelSample;
  if (now - newest.at > maxGapMs) return null;
  const then = levelAt(samples, newest.at - windowMs, maxGapMs);
  if (then === null) return null;
  return ((newest.levelM - then) * 3_600_000) / windowMs;
}

/** Rise rates over 1 h and 3 h (see {@link riseRateMPerH}), metres per hour, null where unknown. */
export function riseRates(
  samples: readonly LevelSample[],
  now: number,
  options: RiseRateOptions = {},
): { rise1hMPerH: number | null; rise3hMPerH: number | null } {
  return {
    rise1hMPerH: riseRateMPerH(samples, now, RISE_WINDOW_1H_MS, options),
    rise3hMPerH: riseRateMPerH(samples, now, RISE_WINDOW_3H_MS, options),
  };
}
