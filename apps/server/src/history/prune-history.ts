import type { HistoryStore, TimeRange } from './history-store';
import { groupDays } from './history-days';

const DAY_MS = 86_400_000;

/**
 * Retention: deletes every recorded local day that ended more than `retentionDays` days before `now`, except
 * days overlapping a pinned range (the shipped fixture days). `retentionDays` 0 keeps everything.
 * @returns the dates deleted
 */
export async function pruneHistory(
  store: HistoryStore,
  now: number,
  retentionDays: number,
  timeZone: string,
  pinned: readonly TimeRange[],
): Promise<string[]> {
  if (retentionDays <= 0) return [];
  const cutoff = now - retentionDays * DAY_MS;
  const deleted: string[] = [];
  for (const day of groupDays(await store.bucketCounts(), timeZone)) {
    if (day.to > cutoff) continue;
    if (pinned.some((range) => range.from < day.to && day.from < range.to)) continue;
    await store.deleteRange(day);
    deleted.push(day.date);
  }
  return deleted;
}
