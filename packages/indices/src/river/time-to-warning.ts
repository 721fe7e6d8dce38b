import type { LevelSample } from './rise-rate';

/** Options of {@link forecastTimeToWarning}. */
export interface TimeToWarningOptions {
  /** Readings within this span before the newest one are fitted, ms. @default 3_600_000 */
  fitWindowMs?: number;
  /** At least this many readings in the fit window. @default 3 */
  minSamples?: number;
  /** The fitted readings must span at least this long, ms. @default 1_800_000 */
  minSpanMs?: number;
  /** The newest reading may be at most this old, ms. @default 1_800_000 */
  maxAgeMs?: number;
  /** Slopes below this count as not rising, metres per hour. @default 0.005 */
  minRiseMPerH?: number;
}

/** Result of {@link forecastTimeToWarning}. */
export type TimeToWarning =
  | { status: 'at-or-above'; timeToWarningMs: 0; slopeMPerH: number | null }
  | { status: 'rising'; timeToWarningMs: number; slopeMPerH: number }
  | { status: 'not-rising'; timeToWarningMs: null; slopeMPerH: number }
  | { status: 'insufficient'; timeToWarningMs: null; slopeMPerH: null };

/** Least-squares slope of level over time, metres per hour. */
function slopeMPerH(samples: readonly LevelSample[]): number {
  const n = samples.length;
  const t0 = (samples[0] as LevelSample).at;
  let st = 0;
  let sl = 0;
  for (const s of samples) {
    st += (s.at - t0) / 3_600_000;
    sl += s.levelM;
  }
  const mt = st / n;
  const ml = sl / n;
  let num = 0;
  let den = 0;
  for (const s of samples) {
    const dt = (s.at - t0) / 3_600_000 - mt;
    num += dt * (s.levelM - ml);
    den += dt * dt;
  }
  return den === 0 ? 0 : num / den;
}

/**
 * Forecast time until the warning level, by linear extrapolation: fit a least-squares line to the readings of
 * the last `fitWindowMs` before the newest reading, then `time = (warning - newest level) / slope`, counted from
 * `now` (the time already elapsed since the newest reading is subtracted, never below 0). Levels at or above
 * warning give 0. A slope under `minRiseMPerH` is "not rising"; too few, too short or too old readings are
 * "insufficient". `samples` must be in time order.
 */
export function forecastTimeToWarning(
  samples: readonly LevelSample[],
  now: number,
  warningLevelM: number,
  options: TimeToWarningOptions = {},
): TimeToWarning {
  const fitWindowMs = options.fitWindowMs ?? 3_600_000;
  const minSamples = options.minSamples ?? 3;
  const minSpanMs = options.minSpanMs ?? 1_800_000;
  const maxAgeMs = options.maxAgeMs ?? 1_800_000;
  const minRise = options.minRiseMPerH ?? 0.005;
  const upToNow = samples.filter((s) => s.at <= now);
  const newest = upToNow[upToNow.length - 1];
  if (!newest || now - newest.at > maxAgeMs)
    return { status: 'insufficient', timeToWarningMs: null, slopeMPerH: null };
  const fit = upToNow.filter((s) => s.at >= newest.at - fitWindowMs);
  const enough = fit.length >= minSamples && newest.at - (fit[0] as LevelSample).at >= minSpanMs;
  const slope = enough ? slopeMPerH(fit) : null;
  if (newest.levelM >= warningLevelM) return { status: 'at-or-above', timeToWarningMs: 0, slopeMPerH: slope };
  if (slope === null) return { status: 'insufficient', timeToWarningMs: null, slopeMPerH: null };
  if (slope < minRise) return { status: 'not-rising', timeToWarningMs: null, slopeMPerH: slope };
  const fromNewestMs = ((warningLevelM - newest.levelM) / slope) * 3_600_000;
  return {
    status: 'rising',
    timeToWarningMs: Math.max(0, Math.round(fromNewestMs - (now - newest.at))),
    slopeMPerH: slope,
  };
}
