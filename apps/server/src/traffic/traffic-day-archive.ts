import type { DailyTrafficFigures, TrafficDayReport } from '@cbo/contracts';
import { DAY_MS, compareDailyFigures, localDayOf, typicalDailyFigures, type DaySeries } from '@cbo/indices';
import type { TrafficDayRecord } from './traffic-day-recorder';

/** One complete past local day: its figures, per-minute series and drill-down samples. */
export interface PastTrafficDay {
  figures: DailyTrafficFigures;
  /** Per-minute TTI of the network and districts (owned copies). */
  series: DaySeries;
  record: TrafficDayRecord;
}

/**
 * Where past days are kept. The in-memory archive below holds the simulator's backfill and the days completed
 * while the server runs; a history store can implement the same interface to serve recorded days.
 */
export interface TrafficDayArchive {
  put(day: PastTrafficDay): void;
  get(date: string): PastTrafficDay | undefined;
  /** Dates held, oldest first. */
  dates(): string[];
}

/** Days the in-memory archive keeps (five weeks: the typical day looks four same weekdays back). */
export const ARCHIVE_DAYS = 35;
/** Same weekdays the typical day is the mean of, at most. */
export const TYPICAL_SAME_WEEKDAYS = 4;

/** An archive in memory, bounded to the {@link ARCHIVE_DAYS} most recent days. */
export function createMemoryDayArchive(maxDays: number = ARCHIVE_DAYS): TrafficDayArchive {
  const days = new Map<string, PastTrafficDay>();
  return {
    put(day) {
      days.set(day.figures.date, day);
      const sorted = [...days.keys()].sort();
      for (const date of sorted.slice(0, Math.max(0, sorted.length - maxDays))) days.delete(date);
    },
    get: (date) => days.get(date),
    dates: () => [...days.keys()].sort(),
  };
}

/** The local date `days` days before `date` (both `YYYY-MM-DD`). */
export function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The report of `GET /traffic/day/:date`: the day's figures, the difference against the same weekday a week
 * earlier, and against the typical day = mean of up to {@link TYPICAL_SAME_WEEKDAYS} earlier same weekdays
 * held in the archive (when none is held: of the up to five most recent earlier days of the same type,
 * weekday or weekend).
 */
export function buildDayReport(figures: DailyTrafficFigures, archive: TrafficDayArchive): TrafficDayReport {
  const lastWeek = archive.get(shiftDate(figures.date, -7));
  const earlier = archive
    .dates()
    .filter((date) => date < figures.date)
    .reverse()
    .map((date) => archive.get(date)!.figures);
  let references = earlier
    .filter((day) => day.dayOfWeek === figures.dayOfWeek)
    .slice(0, TYPICAL_SAME_WEEKDAYS);
  if (references.length === 0)
    references = earlier.filter((day) => day.weekend === figures.weekend).slice(0, 5);
  return {
    figures,
    vsSameWeekdayLastWeek: lastWeek
      ? compareDailyFigures(figures, lastWeek.figures, 'same-weekday-last-week', 1)
      : null,
    vsTypicalDay:
      references.length > 0
        ? compareDailyFigures(figures, typicalDailyFigures(references), 'typical-day', references.length)
        : null,
  };
}

/** Whether `date` is a valid `YYYY-MM-DD` calendar date. */
export function isCalendarDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const parsed = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed) && new Date(parsed).toISOString().slice(0, 10) === date;
}

/** Local midnight of a `YYYY-MM-DD` date in a zone `utcOffsetMinutes` east of UTC. */
export function dayStartOfDate(date: string, utcOffsetMinutes: number): number {
  return localDayOf(Date.parse(`${date}T12:00:00Z`) - utcOffsetMinutes * 60_000, utcOffsetMinutes).dayStart;
}
