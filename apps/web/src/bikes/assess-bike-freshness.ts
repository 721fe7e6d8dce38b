import type { BikeFeedStatus } from '@cbo/contracts';
import type { ConnectionState } from '../realtime/traffic-socket';

/** Why the bike data is shown as stale. */
export type BikeStaleReason = 'disconnected' | 'no-data' | 'push-late' | 'feed-stale';

/** What the bike freshness verdict needs. */
export interface BikeFreshnessInput {
  /** Client time now, epoch ms. */
  now: number;
  connection: ConnectionState;
  /** Client time the newest bike metrics arrived (REST or `bikes:now`), epoch ms; null before the first. */
  receivedAt: number | null;
  /** Feed statuses of the newest metrics, null before the first. */
  feeds: readonly BikeFeedStatus[] | null;
}

/** The verdict: stale or not, the first reason, the stale feeds, and how long since the newest metrics. */
export interface BikeFreshness {
  stale: boolean;
  reason: BikeStaleReason | null;
  staleFeedIds: string[];
  sinceUpdateMs: number | null;
}

/** Longest gap between `bikes:now` pushes before the screen calls its bike data stale, ms. */
export const BIKE_PUSH_GAP_MS = 20_000;

/**
 * Decides whether the bike data on screen is stale: the socket is down, nothing arrived yet, the pushes
 * stopped, or a feed is stale by the server's verdict (silent for max(2 x ttl, 60 s), or its last document
 * was rejected). Stale data stays on screen; this only says how to mark it.
 */
export function assessBikeFreshness(
  input: BikeFreshnessInput,
  maxPushGapMs = BIKE_PUSH_GAP_MS,
): BikeFreshness {
  const sinceUpdateMs = input.receivedAt === null ? null : Math.max(0, input.now - input.receivedAt);
  const staleFeedIds = (input.feeds ?? []).filter((feed) => feed.stale).map((feed) => feed.feedId);
  const verdict = (reason: BikeStaleReason | null): BikeFreshness => ({
    stale: reason !== null,
    reason,
    staleFeedIds,
    sinceUpdateMs,
  });
  if (input.connection === 'disconnected') return verdict('disconnected');
  if (sinceUpdateMs === null || !input.feeds || input.feeds.length === 0) return verdict('no-data');
  if (sinceUpdateMs > maxPushGapMs) return verdict('push-late');
  if (staleFeedIds.length > 0) return verdict('feed-stale');
  return verdict(null);
}
