import { describe, expect, it } from 'vitest';
import type { DailyTrafficFigures } from '@cbo/contracts';
import { applyObservation, createSegmentState } from '../segment-state';
import { buildTestCity } from '@cbo/city/testing';
import { compareDailyFigures, typicalDailyFigures } from './compare-daily-figures';
import { accumulateTick, createDayAccumulator } from './create-day-accumulator';
import type { DayAccumulator } from './create-day-accumulator';
import { summarizeDay } from './summarize-day';

/** Local midnight (UTC+8) starting Wednesday 2026-12-02. */
const DAY = Date.UTC(2026, 11, 1, 16);
const city = buildTestCity(
  [0, 1].map((i) => ({
    roadClass: 'arterial' as const,
    lanes: 2,
    lengthM: 1000,
    freeFlowKmh: 50,
    district: i,
  })),
);
const isPeak = (m: number): boolean => (m >= 420 && m < 540) || (m >= 1020 && m < 1140);

/** A whole day: segment 0 at TTI 2 and segment 1 at TTI 1.25 in the peaks, both at TTI 1 otherwise. */
function fullDay(): DayAccumulator {
  const acc = createDayAccumulator(city, DAY, 480);
  const state = createSegmentState(2);
  for (let m = 0; m < 1440; m += 1) {
    const at = DAY + m * 60_000;
    applyObservation(state, 0, at, isPeak(m) ? 25 : 50);
    applyObservation(state, 1, at, isPeak(m) ? 40 : 50);
    accumulateTick(acc, state, at);
  }
  return acc;
}

describe('daily figures', () => {
  it('takes the peak delay index as the mean network TTI over the four peak hours', () => {
    // Network TTI in the peaks: equal weights, (2 + 1.25) / 2 = 1.625.
    expect(summarizeDay(fullDay()).peakDelayIndex).toBeCloseTo(1.625, 6);
  });

  it('counts hours per network TPI level and at level 4 or worse', () => {
    // TTI 1.625 is TPI 4 + 0.025 / 0.3 x 2 = 4.17, level 3: four hours; the rest level 1.
    const figures = summarizeDay(fullDay());
    expect(figures.hoursByLevel).toEqual([20, 0, 4, 0, 0]);
    expect(figures.congestedHours).toBe(0);
    // District 0 alone is at TTI 2 (TPI 6.67, level 4) for four hours.
    expect(figures.topDistricts[0]).toMatchObject({ districtId: 'd-west', congestedHours: 4 });
  });

  it('ranks segments by their mean TTI over the peaks', () => {
    const top = summarizeDay(fullDay()).topSegments;
    expect(top.map((s) => [s.segmentId, s.meanPeakTti, s.peakMinutes])).toEqual([
      ['s0', 2, 240],
      ['s1', 1.25, 240],
    ]);
  });

  it('records only the first tick of each minute', () => {
    const acc = createDayAccumulator(city, DAY, 480);
    const state = createSegmentState(2);
    applyObservation(state, 0, DAY + 1000, 25);
    expect(accumulateTick(acc, state, DAY + 1000)).toBe(true);
    expect(accumulateTick(acc, state, DAY + 30_000)).toBe(false);
    expect(accumulateTick(acc, state, DAY + 60_000)).toBe(true);
  });

  it('reports the local date and weekday of the day', () => {
    expect(summarizeDay(createDayAccumulator(city, DAY + 5 * 3_600_000, 480))).toMatchObject({
      date: '2026-12-02',
      dayOfWeek: 3,
      weekend: false,
      dayStart: DAY,
      peakDelayIndex: null,
      minutesWithData: 0,
    });
  });

  it('compares a day with a reference as differences', () => {
    const day = figures(1.8, 2, [['d-west', 2, 1]]);
    const comparison = compareDailyFigures(
      day,
      figures(1.5, 0.5, [['d-west', 1.6, 0]]),
      'same-weekday-last-week',
    );
    expect(comparison.peakDelayIndexDelta).toBeCloseTo(0.3, 9);
    expect(comparison.peakDelayIndexChange).toBeCloseTo(0.2, 9);
    expect(comparison.congestedHoursDelta).toBe(1.5);
    expect(comparison.districts[0]!.peakDelayIndexDelta).toBeCloseTo(0.4, 9);
  });

  it('averages several days into a typical day', () => {
    const typical = typicalDailyFigures([
      figures(1.8, 2, [['d-west', 2, 1]]),
      figures(1.6, 1, [['d-west', 1, 0]]),
    ]);
    expect(typical.peakDelayIndex).toBeCloseTo(1.7, 9);
    expect(typical.congestedHours).toBe(1.5);
    expect(typical.topDistricts[0]).toEqual({
      districtId: 'd-west',
      peakDelayIndex: 1.5,
      congestedHours: 0.5,
    });
  });
});

function figures(
  peakDelayIndex: number,
  congestedHours: number,
  districts: [string, number, number][],
): DailyTrafficFigures {
  return {
    dayStart: DAY,
    date: '2026-12-02',
    dayOfWeek: 3,
    weekend: false,
    peakDelayIndex,
    meanTti: peakDelayIndex - 0.3,
    congestedHours,
    hoursByLevel: [24 - congestedHours, 0, 0, congestedHours, 0],
    minutesWithData: 1440,
    topSegments: [],
    topDistricts: districts.map(([districtId, peak, hours]) => ({
      districtId,
      peakDelayIndex: peak,
      congestedHours: hours,
    })),
  };
}
