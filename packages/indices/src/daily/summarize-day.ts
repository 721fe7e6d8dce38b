import type { CongestedSegment, DailyTrafficFigures, DistrictDayFigures } from '@cbo/contracts';
import { MINUTES_PER_DAY } from '../local-day';
import { levelFromTpi, tpiFromTti } from '../tpi';
import { isPeakMinute } from './create-day-accumulator';
import type { DayAccumulator } from './create-day-accumulator';

/** Segments listed in `topSegments`. */
export const TOP_SEGMENTS = 10;
/** A segment needs a fresh reading in at least this many peak minutes (of 240) to be ranked. */
export const MIN_RANKED_PEAK_MINUTES = 60;
/** Network or district TPI level counted as 拥堵 or worse: 4 (中度拥堵, TPI >= 6) and 5 (严重拥堵). */
export const CONGESTED_TPI_LEVEL = 4;

interface SeriesFigures {
  peakDelayIndex: number | null;
  meanTti: number | null;
  minutesByLevel: number[];
  minutesWithData: number;
}

/** Peak mean, all-day mean and minutes per TPI level of one per-minute TTI series. */
function seriesFigures(series: Float32Array, offset: number): SeriesFigures {
  let peakSum = 0;
  let peakCount = 0;
  let sum = 0;
  let count = 0;
  const minutesByLevel = [0, 0, 0, 0, 0];
  for (let m = 0; m < MINUTES_PER_DAY; m += 1) {
    const tti = series[offset + m]!;
    if (tti !== tti) continue;
    sum += tti;
    count += 1;
    minutesByLevel[levelFromTpi(tpiFromTti(tti)) - 1]! += 1;
    if (isPeakMinute(m)) {
      peakSum += tti;
      peakCount += 1;
    }
  }
  return {
    peakDelayIndex: peakCount > 0 ? peakSum / peakCount : null,
    meanTti: count > 0 ? sum / count : null,
    minutesByLevel,
    minutesWithData: count,
  };
}

function congestedHours(minutesByLevel: readonly number[]): number {
  let minutes = 0;
  for (let level = CONGESTED_TPI_LEVEL; level <= 5; level += 1) minutes += minutesByLevel[level - 1]!;
  return minutes / 60;
}

/**
 * The day's figures from its accumulator (docs/indices.md section 2.8): peak congestion delay index, mean
 * TTI, hours per TPI level and at 拥堵 or worse, the ten segments with the highest mean peak TTI, and the
 * districts ranked by their peak delay index (districts without data last).
 */
export function summarizeDay(acc: DayAccumulator): DailyTrafficFigures {
  const network = seriesFigures(acc.networkTti, 0);
  const { city } = acc;
  const topDistricts: DistrictDayFigures[] = city.districtIds.map((districtId, d) => {
    const figures = seriesFigures(acc.districtTti, d * MINUTES_PER_DAY);
    return {
      districtId,
      peakDelayIndex: figures.peakDelayIndex,
      congestedHours: congestedHours(figures.minutesByLevel),
    };
  });
  topDistricts.sort((a, b) => (b.peakDelayIndex ?? -1) - (a.peakDelayIndex ?? -1));
  return {
    dayStart: acc.dayStart,
    date: acc.date,
    dayOfWeek: acc.dayOfWeek,
    weekend: acc.weekend,
    peakDelayIndex: network.peakDelayIndex,
    meanTti: network.meanTti,
    congestedHours: congestedHours(network.minutesByLevel),
    hoursByLevel: network.minutesByLevel.map((minutes) => minutes / 60),
    minutesWithData: network.minutesWithData,
    topSegments: topSegments(acc),
    topDistricts,
  };
}

/** The {@link TOP_SEGMENTS} ranked segments with the highest mean peak TTI (ties: lower index first). */
function topSegments(acc: DayAccumulator): CongestedSegment[] {
  const { segmentPeakTtiSum: sums, segmentPeakMinutes: minutes, city } = acc;
  // Keep a small sorted list instead of sorting every segment.
  const best: { index: number; mean: number }[] = [];
  for (let i = 0; i < city.segmentCount; i += 1) {
    const count = minutes[i]!;
    if (count < MIN_RANKED_PEAK_MINUTES) continue;
    const mean = sums[i]! / count;
    if (best.length === TOP_SEGMENTS && mean <= best[TOP_SEGMENTS - 1]!.mean) continue;
    let k = best.length;
    while (k > 0 && best[k - 1]!.mean < mean) k -= 1;
    best.splice(k, 0, { index: i, mean });
    if (best.length > TOP_SEGMENTS) best.pop();
  }
  return best.map(({ index, mean }) => {
    const segment = city.segments[index]!;
    return {
      segmentId: segment.id,
      roadId: segment.roadId,
      nameZh: segment.nameZh,
      nameEn: segment.nameEn,
      districtId: segment.districtId,
      meanPeakTti: mean,
      peakMinutes: minutes[index]!,
    };
  });
}
