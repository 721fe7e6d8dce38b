/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;
/** Minutes in a day. */
export const MINUTES_PER_DAY = 1440;

/** Local calendar facts of the local day containing `at`, in a zone `utcOffsetMinutes` east of UTC (no DST). */
export interface LocalDay {
  /** Epoch ms of local midnight starting the day. */
  dayStart: number;
  /** `YYYY-MM-DD`, local. */
  date: string;
  /** 0 Sunday … 6 Saturday. */
  dayOfWeek: number;
  weekend: boolean;
}

/** The local day containing `at` (epoch ms). */
export function localDayOf(at: number, utcOffsetMinutes: number): LocalDay {
  const offsetMs = utcOffsetMinutes * 60_000;
  const day = Math.floor((at + offsetMs) / DAY_MS);
  const dayOfWeek = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  return {
    dayStart: day * DAY_MS - offsetMs,
    date: new Date(day * DAY_MS).toISOString().slice(0, 10),
    dayOfWeek,
    weekend: dayOfWeek === 0 || dayOfWeek === 6,
  };
}
