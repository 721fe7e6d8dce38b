import type { TtiForecast } from '@cbo/contracts';
import type { DaySeries } from '../daily/create-day-accumulator';
import { MINUTES_PER_DAY, localDayOf } from '../local-day';

/** Options of {@link createTtiForecaster}. */
export interface TtiForecasterOptions {
  /** Offset of local time from UTC, minutes. @default 480 */
  utcOffsetMinutes?: number;
  /** e-folding time of the current deviation from the typical day, minutes. @default 60 */
  decayMinutes?: number;
  /** Minutes averaged to measure the current deviation. @default 5 */
  smoothingMinutes?: number;
  /** Half-width of the moving average smoothing the typical profile, minutes. @default 2 */
  profileHalfWidthMinutes?: number;
}

interface Profile {
  sum: Float64Array;
  count: Uint16Array;
}

/** Typical-day TTI profiles (weekday and weekend, per area) learned from past days. */
export interface TtiForecaster {
  readonly options: Required<TtiForecasterOptions>;
  /** Per area id: [weekday, weekend] per-minute sums and counts. */
  readonly profiles: Map<string, [Profile, Profile]>;
  daysLearned: number;
}

/** Horizons of the forecasts on the wall, minutes. */
export const DEFAULT_FORECAST_HORIZONS_MINUTES: readonly number[] = [15, 30, 60];

/** Creates a forecaster with no history; feed it past days with {@link learnDay}. */
export function createTtiForecaster(options?: TtiForecasterOptions): TtiForecaster {
  const resolved = {
    utcOffsetMinutes: 480,
    decayMinutes: 60,
    smoothingMinutes: 5,
    profileHalfWidthMinutes: 2,
    ...options,
  };
  if (!(resolved.decayMinutes > 0))
    throw new RangeError(`decayMinutes must be > 0, got ${resolved.decayMinutes}`);
  if (!(resolved.smoothingMinutes >= 1)) {
    throw new RangeError(`smoothingMinutes must be >= 1, got ${resolved.smoothingMinutes}`);
  }
  return { options: resolved, profiles: new Map(), daysLearned: 0 };
}

/** Adds one complete past day's per-minute series (from `daySeries`) to the typical profiles of its day type. */
export function learnDay(forecaster: TtiForecaster, series: DaySeries): void {
  const kind = series.weekend ? 1 : 0;
  series.areaIds.forEach((areaId, a) => {
    let pair = forecaster.profiles.get(areaId);
    if (!pair) {
      pair = [newProfile(), newProfile()];
      forecaster.profiles.set(areaId, pair);
    }
    const profile = pair[kind];
    const values = series.tti[a]!;
    for (let m = 0; m < MINUTES_PER_DAY; m += 1) {
      const tti = values[m]!;
      if (tti !== tti) continue;
      profile.sum[m]! += tti;
      profile.count[m]! += 1;
    }
  });
  forecaster.daysLearned += 1;
}

function newProfile(): Profile {
  return { sum: new Float64Array(MINUTES_PER_DAY), count: new Uint16Array(MINUTES_PER_DAY) };
}

/** Typical TTI of an area at instant `at` (smoothed mean of the learned days of its type), null if unknown. */
export function typicalTti(forecaster: TtiForecaster, areaId: string, at: number): number | null {
  const pair = forecaster.profiles.get(areaId);
  if (!pair) return null;
  const day = localDayOf(at, forecaster.options.utcOffsetMinutes);
  const profile = pair[day.weekend ? 1 : 0];
  const minute = Math.floor((at - day.dayStart) / 60_000);
  const half = forecaster.options.profileHalfWidthMinutes;
  let sum = 0;
  let count = 0;
  for (let m = Math.max(0, minute - half); m <= Math.min(MINUTES_PER_DAY - 1, minute + half); m += 1) {
    sum += profile.sum[m]!;
    count += profile.count[m]!;
  }
  return count > 0 ? sum / count : null;
}

/**
 * Forecasts an area's TTI `h` minutes after `at` for each horizon (docs/indices.md section 2.10):
 *
 * `forecast(t + h) = typical(t + h) · (1 + (current / typical(t) - 1) · exp(-h / decayMinutes))`
 *
 * where `current` and `typical(t)` are means over the last `smoothingMinutes` of today's series. Without a
 * typical profile it falls back to persistence (the current value), without either to `none` (null values).
 *
 * @param todayTti - the area's per-minute TTI since local midnight of the day containing `at` (NaN = unknown)
 * @param horizonsMinutes - positive integers, minutes
 */
export function forecastTti(
  forecaster: TtiForecaster,
  areaId: string,
  at: number,
  todayTti: ArrayLike<number>,
  horizonsMinutes: readonly number[] = DEFAULT_FORECAST_HORIZONS_MINUTES,
): TtiForecast {
  const { smoothingMinutes, decayMinutes, utcOffsetMinutes } = forecaster.options;
  const day = localDayOf(at, utcOffsetMinutes);
  const minute = Math.floor((at - day.dayStart) / 60_000);
  let currentSum = 0;
  let typicalSum = 0;
  let pairs = 0;
  let persistence = Number.NaN;
  for (let m = minute; m > minute - smoothingMinutes && m >= 0; m -= 1) {
    const value = m < todayTti.length ? todayTti[m]! : Number.NaN;
    if (value !== value) continue;
    if (persistence !== persistence) persistence = value;
    const typical = typicalTti(forecaster, areaId, day.dayStart + m * 60_000);
    if (typical === null) continue;
    currentSum += value;
    typicalSum += typical;
    pairs += 1;
  }
  const deviation = pairs > 0 ? currentSum / typicalSum - 1 : Number.NaN;
  let method: TtiForecast['method'] = 'none';
  const points = horizonsMinutes.map((horizonMinutes) => {
    const target = at + horizonMinutes * 60_000;
    const typical = typicalTti(forecaster, areaId, target);
    let tti: number | null = null;
    if (typical !== null && deviation === deviation) {
      tti = typical * (1 + deviation * Math.exp(-horizonMinutes / decayMinutes));
      method = 'typical-deviation';
    } else if (persistence === persistence) {
      tti = persistence;
      if (method === 'none') method = 'persistence';
    }
    return { horizonMinutes, at: target, tti, typicalTti: typical };
  });
  return { areaId, at, method, points };
}
