import { describe, expect, it } from 'vitest';
import type { DailyTrafficFigures } from '@cbo/contracts';
import {
  buildDayReport,
  createMemoryDayArchive,
  isCalendarDate,
  shiftDate,
  type PastTrafficDay,
} from './traffic-day-archive';

function figures(date: string, peakDelayIndex: number, dayOfWeek: number): DailyTrafficFigures {
  return {
    dayStart: Date.parse(`${date}T00:00:00+08:00`),
    date,
    dayOfWeek,
    weekend: dayOfWeek === 0 || dayOfWeek === 6,
    peakDelayIndex,
    meanTti: peakDelayIndex,
    congestedHours: 0,
    hoursByLevel: [0, 0, 0, 0, 0],
    minutesWithData: 1440,
    topSegments: [],
    topDistricts: [],
  };
}
const day = (date: string, peak: number, dayOfWeek: number): PastTrafficDay =>
  ({ figures: figures(date, peak, dayOfWeek) }) as PastTrafficDay;

describe('buildDayReport', () => {
  it('compares with the same weekday a week earlier and the mean of earlier same weekdays', () => {
    const archive = createMemoryDayArchive();
    archive.put(day('2026-01-01', 1.4, 4));
    archive.put(day('2026-01-08', 1.6, 4));
    archive.put(day('2026-01-14', 3.0, 3)); // a Wednesday: not a reference for a Thursday
    const report = buildDayReport(figures('2026-01-15', 1.8, 4), archive);
    expect(report.vsSameWeekdayLastWeek?.peakDelayIndexDelta).toBeCloseTo(0.2, 10);
    expect(report.vsTypicalDay).toMatchObject({ reference: 'typical-day', referenceDays: 2 });
    expect(report.vsTypicalDay?.peakDelayIndexDelta).toBeCloseTo(0.3, 10); // 1.8 - mean(1.4, 1.6)
  });

  it('falls back to earlier days of the same type when no same weekday is held', () => {
    const archive = createMemoryDayArchive();
    archive.put(day('2026-01-13', 1.5, 2));
    archive.put(day('2026-01-14', 1.7, 3));
    archive.put(day('2026-01-10', 1.2, 6)); // weekend: left out
    const report = buildDayReport(figures('2026-01-15', 1.8, 4), archive);
    expect(report.vsSameWeekdayLastWeek).toBeNull();
    expect(report.vsTypicalDay?.referenceDays).toBe(2);
    expect(report.vsTypicalDay?.peakDelayIndexDelta).toBeCloseTo(0.2, 10);
  });

  it('has no comparison without earlier days', () => {
    const report = buildDayReport(figures('2026-01-15', 1.8, 4), createMemoryDayArchive());
    expect(report).toMatchObject({ vsSameWeekdayLastWeek: null, vsTypicalDay: null });
  });
});

describe('createMemoryDayArchive', () => {
  it('keeps only the most recent days', () => {
    const archive = createMemoryDayArchive(2);
    for (const date of ['2026-01-03', '2026-01-01', '2026-01-02']) archive.put(day(date, 1, 4));
    expect(archive.dates()).toEqual(['2026-01-02', '2026-01-03']);
  });
});

describe('dates', () => {
  it('validates calendar dates and shifts them across months', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-1-01')).toBe(false);
    expect(shiftDate('2026-03-03', -7)).toBe('2026-02-24');
  });
});
