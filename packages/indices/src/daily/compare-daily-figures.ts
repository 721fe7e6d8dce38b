import type { DailyComparison, DailyTrafficFigures, DistrictDayFigures } from '@cbo/contracts';

function delta(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a - b;
}

/** Mean of the non-null values, null when there are none. */
function meanOf(values: readonly (number | null)[]): number | null {
  let sum = 0;
  let count = 0;
  for (const v of values) {
    if (v !== null) {
      sum += v;
      count += 1;
    }
  }
  return count > 0 ? sum / count : null;
}

/**
 * The differences `day - reference` of the headline figures and of each district's, e.g. against the same
 * weekday last week or against {@link typicalDailyFigures}.
 *
 * @param label - `'same-weekday-last-week'`, `'typical-day'`, or any caller's label
 * @param referenceDays - days the reference was built from
 */
export function compareDailyFigures(
  day: DailyTrafficFigures,
  reference: DailyTrafficFigures,
  label: string,
  referenceDays = 1,
): DailyComparison {
  const refDistricts = new Map(reference.topDistricts.map((d) => [d.districtId, d]));
  const peakDelta = delta(day.peakDelayIndex, reference.peakDelayIndex);
  return {
    reference: label,
    referenceDays,
    peakDelayIndexDelta: peakDelta,
    peakDelayIndexChange:
      peakDelta === null || !reference.peakDelayIndex ? null : peakDelta / reference.peakDelayIndex,
    meanTtiDelta: delta(day.meanTti, reference.meanTti),
    congestedHoursDelta: day.congestedHours - reference.congestedHours,
    districts: day.topDistricts.map((d) => {
      const ref = refDistricts.get(d.districtId);
      return {
        districtId: d.districtId,
        peakDelayIndexDelta: ref ? delta(d.peakDelayIndex, ref.peakDelayIndex) : null,
        congestedHoursDelta: d.congestedHours - (ref?.congestedHours ?? 0),
      };
    }),
  };
}

/**
 * The typical day of several days' figures (e.g. the last four same weekdays): each figure is the mean over
 * the days that have it; districts likewise. Date and weekday are those of the first day; `topSegments` is
 * empty (a ranking does not average).
 *
 * @throws RangeError when `days` is empty
 */
export function typicalDailyFigures(days: readonly DailyTrafficFigures[]): DailyTrafficFigures {
  const first = days[0];
  if (!first) throw new RangeError('typicalDailyFigures needs at least one day');
  const districtIds = first.topDistricts.map((d) => d.districtId);
  const districtsOf = days.map((day) => new Map(day.topDistricts.map((d) => [d.districtId, d])));
  const topDistricts: DistrictDayFigures[] = districtIds.map((districtId) => {
    const entries = districtsOf.map((m) => m.get(districtId)).filter((d) => d !== undefined);
    return {
      districtId,
      peakDelayIndex: meanOf(entries.map((d) => d.peakDelayIndex)),
      congestedHours: meanOf(entries.map((d) => d.congestedHours)) ?? 0,
    };
  });
  topDistricts.sort((a, b) => (b.peakDelayIndex ?? -1) - (a.peakDelayIndex ?? -1));
  return {
    dayStart: first.dayStart,
    date: first.date,
    dayOfWeek: first.dayOfWeek,
    weekend: first.weekend,
    peakDelayIndex: meanOf(days.map((d) => d.peakDelayIndex)),
    meanTti: meanOf(days.map((d) => d.meanTti)),
    congestedHours: meanOf(days.map((d) => d.congestedHours)) ?? 0,
    hoursByLevel: [0, 1, 2, 3, 4].map((k) => meanOf(days.map((d) => d.hoursByLevel[k] ?? 0)) ?? 0),
    minutesWithData: Math.round(meanOf(days.map((d) => d.minutesWithData)) ?? 0),
    topSegments: [],
    topDistricts,
  };
}
