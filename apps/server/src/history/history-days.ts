import type { DaySummary, HistoryDay } from '@cbo/contracts';
import { levelFromTpi } from '@cbo/indices';
import type { BucketCount, EventRecord, HistoryStore, TimeRange } from './history-store';
import { localDateOf, localDayRange } from './local-day';
import { summariseDomains } from './domain-minutes';

/** Groups 15-minute bucket counts into local days of the city, oldest first. */
export function groupDays(buckets: readonly BucketCount[], timeZone: string): HistoryDay[] {
  const days = new Map<string, HistoryDay>();
  for (const b of buckets) {
    const date = localDateOf(b.bucketStart, timeZone);
    let day = days.get(date);
    if (!day) {
      const { from, to } = localDayRange(date, timeZone);
      day = {
        date,
        from,
        to,
        firstFrameAt: null,
        lastFrameAt: null,
        frames: 0,
        keyframes: 0,
        observations: 0,
        events: 0,
      };
      days.set(date, day);
    }
    day.frames += b.frames;
    day.keyframes += b.keyframes;
    day.observations += b.observations;
    day.events += b.events;
    if (b.firstFrameAt !== null)
      day.firstFrameAt = Math.min(day.firstFrameAt ?? b.firstFrameAt, b.firstFrameAt);
    if (b.lastFrameAt !== null) day.lastFrameAt = Math.max(day.lastFrameAt ?? b.lastFrameAt, b.lastFrameAt);
  }
  return [...days.values()].sort((a, b) => a.from - b.from);
}

/** Local peak hours of the delay index (AMap style): 07:00-09:00 and 17:00-19:00. */
export const PEAK_HOURS: readonly (readonly [number, number])[] = [
  [7, 9],
  [17, 19],
];

function countBy(events: readonly EventRecord[], stream: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of events) if (e.stream === stream) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
  return counts;
}

/**
 * Figures of one recorded day: peak delay index (mean network TTI of the per-minute points in the peak
 * hours), maximum TTI, hours whose mean TPI is level 3 or worse, alert and case events by kind.
 */
export async function summariseDay(store: HistoryStore, date: string, timeZone: string): Promise<DaySummary> {
  const range: TimeRange = localDayRange(date, timeZone);
  const summary = summariseMinutes(
    date,
    range,
    await store.indicesPerMinute(range),
    await store.events(range),
  );
  return { ...summary, ...summariseDomains(await store.domainEvents(range)) };
}

/** The figures of {@link summariseDay} from per-minute network TTI and TPI points and the day's events. */
export function summariseMinutes(
  date: string,
  range: TimeRange,
  points: readonly { at: number; tti: number | null; tpi: number | null }[],
  events: readonly EventRecord[],
): DaySummary {
  let peakSum = 0;
  let peakCount = 0;
  let maxTti: number | null = null;
  const hourTpi = new Map<number, { sum: number; count: number }>();
  for (const p of points) {
    const hour = Math.floor((p.at - range.from) / 3_600_000);
    if (p.tti !== null) {
      maxTti = Math.max(maxTti ?? p.tti, p.tti);
      if (PEAK_HOURS.some(([start, end]) => hour >= start && hour < end)) {
        peakSum += p.tti;
        peakCount += 1;
      }
    }
    if (p.tpi !== null) {
      const h = hourTpi.get(hour) ?? { sum: 0, count: 0 };
      h.sum += p.tpi;
      h.count += 1;
      hourTpi.set(hour, h);
    }
  }
  const hoursCongested = [...hourTpi.values()].filter((h) => levelFromTpi(h.sum / h.count) >= 3).length;
  return {
    date,
    peakDelayIndex: peakCount > 0 ? peakSum / peakCount : null,
    maxTti,
    hoursCongested,
    alertsByKind: countBy(events, 'alert'),
    casesByOutcome: countBy(events, 'case'),
  };
}
