import type { TtiPoint, TtiSeries } from '@cbo/contracts';

/** At most one point per minute of a day. */
export const MAX_SERIES_POINTS = 1440;
const MINUTE_MS = 60_000;

/** The network TTI per minute since local midnight; bounded, reset when the local day changes. */
export interface TtiSeriesRecorder {
  /** Records the network TTI computed at `at`; the last value within a minute wins. */
  record(at: number, tti: number | null): void;
  /** The current day's series. */
  read(): TtiSeries;
}

/**
 * Start of the local day containing `at` in `timeZone`, epoch ms.
 * Uses the zone's offset at `at` (exact for zones without daylight saving, such as Asia/Shanghai).
 */
export function localMidnight(at: number, timeZone: string, format = createTimeFormat(timeZone)): number {
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of format.formatToParts(at)) {
    if (part.type === 'hour') hour = Number(part.value);
    else if (part.type === 'minute') minute = Number(part.value);
    else if (part.type === 'second') second = Number(part.value);
  }
  const msIntoSecond = ((at % 1000) + 1000) % 1000;
  return at - ((hour * 60 + minute) * 60 + second) * 1000 - msIntoSecond;
}

function createTimeFormat(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

/** Creates a recorder for the city's time zone (IANA name). */
export function createTtiSeriesRecorder(timeZone: string): TtiSeriesRecorder {
  const format = createTimeFormat(timeZone);
  let from = 0;
  let points: TtiPoint[] = [];
  return {
    record(at, tti) {
      const midnight = localMidnight(at, timeZone, format);
      if (midnight !== from) {
        from = midnight;
        points = [];
      }
      const minuteAt = midnight + Math.floor((at - midnight) / MINUTE_MS) * MINUTE_MS;
      const last = points[points.length - 1];
      if (last && last.at === minuteAt) last.tti = tti;
      else if (!last || last.at < minuteAt) {
        points.push({ at: minuteAt, tti });
        if (points.length > MAX_SERIES_POINTS) points.shift();
      }
    },
    read() {
      return { from, points: points.map((point) => ({ ...point })) };
    },
  };
}
