import type { FeedHealth } from '@cbo/contracts';

/** A feed is stale when it delivered no accepted observation for this long, ms. */
export const FEED_STALE_AFTER_MS = 30_000;
/** Window of the per-feed rate, seconds. */
export const FEED_RATE_WINDOW_S = 60;

interface FeedCounters {
  lastObservedAt: number | null;
  lastReceivedAt: number | null;
  lastAcceptedAt: number | null;
  /** Per-second buckets of accepted counts, ring of FEED_RATE_WINDOW_S slots. */
  bucketSecond: Float64Array;
  bucketCount: Float64Array;
}

/** Per-feed freshness and rate, fed by the ingest service and read by health and the socket gateway. */
export interface FeedHealthTracker {
  /** Records one batch of a feed received at `receivedAt` (server clock) with `accepted` observations. */
  record(feed: string, accepted: number, newestObservedAt: number | null, receivedAt: number): void;
  /** Health of every feed seen or expected, at `now`. */
  report(now: number): FeedHealth[];
}

function createCounters(): FeedCounters {
  return {
    lastObservedAt: null,
    lastReceivedAt: null,
    lastAcceptedAt: null,
    bucketSecond: new Float64Array(FEED_RATE_WINDOW_S).fill(-1),
    bucketCount: new Float64Array(FEED_RATE_WINDOW_S),
  };
}

function ratePerSec(counters: FeedCounters, now: number): number {
  const nowSecond = Math.floor(now / 1000);
  let total = 0;
  for (let slot = 0; slot < FEED_RATE_WINDOW_S; slot++) {
    const age = nowSecond - counters.bucketSecond[slot]!;
    if (age >= 0 && age < FEED_RATE_WINDOW_S) total += counters.bucketCount[slot]!;
  }
  return total / FEED_RATE_WINDOW_S;
}

/** Options of {@link createFeedHealthTracker}. */
export interface FeedHealthOptions {
  /** Feeds listed from the start (stale until they deliver). @default [] */
  expectedFeeds?: readonly string[];
  /** No accepted observation for longer than this makes a feed stale, clock ms. @default FEED_STALE_AFTER_MS */
  staleAfterMs?: number;
}

/**
 * Creates a tracker. A feed is listed once it sent anything, and from the start when expected.
 * Rate: accepted observations per second over the last {@link FEED_RATE_WINDOW_S} s (by server receive time).
 * Stale: no accepted observation received within `staleAfterMs`.
 */
export function createFeedHealthTracker({
  expectedFeeds = [],
  staleAfterMs = FEED_STALE_AFTER_MS,
}: FeedHealthOptions = {}): FeedHealthTracker {
  const feeds = new Map<string, FeedCounters>(expectedFeeds.map((feed) => [feed, createCounters()]));
  return {
    record(feed, accepted, newestObservedAt, receivedAt) {
      let counters = feeds.get(feed);
      if (!counters) {
        counters = createCounters();
        feeds.set(feed, counters);
      }
      counters.lastReceivedAt = Math.max(counters.lastReceivedAt ?? 0, receivedAt);
      if (accepted === 0) return;
      counters.lastAcceptedAt = Math.max(counters.lastAcceptedAt ?? 0, receivedAt);
      if (newestObservedAt !== null && (counters.lastObservedAt ?? 0) < newestObservedAt) {
        counters.lastObservedAt = newestObservedAt;
      }
      const second = Math.floor(receivedAt / 1000);
      const slot = second % FEED_RATE_WINDOW_S;
      if (second < counters.bucketSecond[slot]!) return; // older than the window this slot now holds
      if (counters.bucketSecond[slot] !== second) {
        counters.bucketSecond[slot] = second;
        counters.bucketCount[slot] = 0;
      }
      counters.bucketCount[slot]! += accepted;
    },
    report(now) {
      return [...feeds].map(([feed, counters]) => ({
        feed,
        lastObservedAt: counters.lastObservedAt,
        lastReceivedAt: counters.lastReceivedAt,
        ratePerSec: ratePerSec(counters, now),
        stale: counters.lastAcceptedAt === null || now - counters.lastAcceptedAt > staleAfterMs,
      }));
    },
  };
}
