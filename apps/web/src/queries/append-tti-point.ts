import type { TtiSeries } from '@cbo/contracts';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Most points a series keeps: one day of minutes. */
export const MAX_SERIES_POINTS = 1440;

/**
 * Puts a network TTI reading into the per-minute series: the reading's minute replaces the last point
 * when it is the same minute, is appended when it is newer, and is dropped when it is older. A reading a
 * day or more after the series start begins a new day. Returns a new series (the input is not changed).
 *
 * @param at - time of the reading, epoch ms
 * @param tti - network TTI, or null when nothing was fresh
 */
export function appendTtiPoint(
  series: TtiSeries,
  at: number,
  tti: number | null,
  maxPoints = MAX_SERIES_POINTS,
): TtiSeries {
  const minute = at - (at % MINUTE_MS);
  if (minute < series.from) return series;
  if (minute - series.from >= DAY_MS) {
    const from = series.from + Math.floor((minute - series.from) / DAY_MS) * DAY_MS;
    return { from, points: [{ at: minute, tti }] };
  }
  const last = series.points[series.points.length - 1];
  if (last && minute < last.at) return series;
  const kept = last && last.at === minute ? series.points.slice(0, -1) : series.points;
  const points = [...kept, { at: minute, tti }];
  return { from: series.from, points: points.length > maxPoints ? points.slice(-maxPoints) : points };
}
