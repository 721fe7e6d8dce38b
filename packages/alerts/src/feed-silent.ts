import type { AlertRule, EpochMs } from '@cbo/contracts';
import type { MetricReadings } from './condition';

/** What the server knows of one feed's arrivals. */
export interface FeedStatus {
  /** Feed id, the entity id of its alerts. */
  readonly feed: string;
  /** Server time the newest batch arrived; null when none yet. */
  readonly lastReceivedAt: EpochMs | null;
  /** Silence longer than this is an alert, ms. */
  readonly silentAfterMs: number;
  /** When watching began (server start); silence of a feed that never sent counts from here. */
  readonly watchedSince?: EpochMs;
}

/**
 * The built-in rule that raises an alert for a feed gone quiet: fires as soon as the silence reaches the
 * feed's threshold, clears as soon as a batch arrives. A rule with the same id replaces it.
 */
export const FEED_SILENT_RULE: AlertRule = {
  id: 'feed-silent',
  version: 1,
  name: { zh: '数据源中断', en: 'Feed silent' },
  domain: 'feeds',
  target: 'feed',
  when: { metric: 'silentRatio', op: '>=', value: 1 },
  forMs: 0,
  clearWhen: { metric: 'silentRatio', op: '<', value: 1 },
  clearForMs: 0,
  severity: 'orange',
  dedupeKey: '{rule}:{entity}',
  groupAdjacent: false,
  enabled: true,
};

/**
 * The metrics of a feed at `now`: `silentMs` and `silentRatio` (silentMs / silentAfterMs). They come from the
 * server's own clock, so they are always fresh; a feed that never sent and has no `watchedSince` has none.
 */
export function feedSilenceMetrics(status: FeedStatus, now: EpochMs): MetricReadings {
  const from = status.lastReceivedAt ?? status.watchedSince;
  if (from === undefined) return {};
  const silentMs = Math.max(0, now - from);
  const silentRatio = silentMs / Math.max(1, status.silentAfterMs);
  return {
    silentMs: { value: silentMs, observedAt: now, fresh: true },
    silentRatio: { value: silentRatio, observedAt: now, fresh: true },
  };
}
