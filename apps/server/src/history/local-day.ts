import type { LocalDate } from '@cbo/contracts';
import { localMidnight } from '../pipeline/tti-series';
import type { TimeRange } from './history-store';

const DAY_MS = 86_400_000;
const QUARTER_HOUR_MS = 900_000;
const formats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** The city's local calendar date of an instant, `YYYY-MM-DD`. */
export function localDateOf(at: number, timeZone: string): LocalDate {
  return dateFormat(timeZone).format(at);
}

function midnightOf(date: LocalDate, timeZone: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  let probe = Date.UTC(year, month - 1, day, 12);
  // Noon UTC is on the same local date within +-12 h; step a day for the zones beyond.
  for (let i = 0; i < 2 && localDateOf(probe, timeZone) !== date; i++) {
    probe += localDateOf(probe, timeZone) < date ? DAY_MS / 2 : -DAY_MS / 2;
  }
  let midnight = localMidnight(probe, timeZone);
  // localMidnight assumes one UTC offset all day; a daylight-saving change before noon shifts it by the change.
  for (let i = 0; i < 8 && localDateOf(midnight, timeZone) !== date; i++) midnight += QUARTER_HOUR_MS;
  for (let i = 0; i < 8 && localDateOf(midnight - QUARTER_HOUR_MS, timeZone) === date; i++)
    midnight -= QUARTER_HOUR_MS;
  return midnight;
}

/**
 * The half-open range of a local day: from its local midnight to the next (23 or 25 hours on a daylight-saving
 * change).
 * @throws RangeError on a date that does not exist
 */
export function localDayRange(date: LocalDate, timeZone: string): TimeRange {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`${date} is not a calendar date`);
  }
  const next = new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
  return { from: midnightOf(date, timeZone), to: midnightOf(next, timeZone) };
}
