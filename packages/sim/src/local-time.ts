/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

/** Local calendar position of an instant in a fixed-offset zone (no DST). */
export interface LocalTime {
  /** Days since 1970-01-01 in local time. */
  day: number;
  /** Minutes since local midnight, fractional. */
  minuteOfDay: number;
  /** 0 Sunday … 6 Saturday. */
  dayOfWeek: number;
  weekend: boolean;
}

/** Local day, minute and weekday of `at` (epoch ms) in a zone `utcOffsetMinutes` east of UTC. */
export function localTime(at: number, utcOffsetMinutes: number): LocalTime {
  const local = at + utcOffsetMinutes * 60_000;
  const day = Math.floor(local / DAY_MS);
  const minuteOfDay = (local - day * DAY_MS) / 60_000;
  // 1970-01-01 was a Thursday (4).
  const dayOfWeek = (((day + 4) % 7) + 7) % 7;
  return { day, minuteOfDay, dayOfWeek, weekend: dayOfWeek === 0 || dayOfWeek === 6 };
}

/** Epoch ms of local midnight starting local day `day`. */
export function localDayStart(day: number, utcOffsetMinutes: number): number {
  return day * DAY_MS - utcOffsetMinutes * 60_000;
}
