import { describe, expect, it } from 'vitest';
import { createFeedHealthTracker } from './feed-health';

const T = Date.UTC(2026, 0, 15, 2);

describe('createFeedHealthTracker', () => {
  it('lists an expected feed as stale before it sends anything', () => {
    expect(createFeedHealthTracker({ expectedFeeds: ['sim'] }).report(T)).toEqual([
      { feed: 'sim', lastObservedAt: null, lastReceivedAt: null, ratePerSec: 0, stale: true },
    ]);
  });

  it('averages accepted observations over the last 60 s', () => {
    const tracker = createFeedHealthTracker();
    tracker.record('http', 600, T - 5000, T - 10_000);
    tracker.record('http', 300, T - 1000, T);
    tracker.record('http', 999, T - 90_000, T - 90_000); // outside the window
    expect(tracker.report(T)[0]).toMatchObject({
      ratePerSec: 15,
      lastObservedAt: T - 1000,
      lastReceivedAt: T,
    });
  });

  it('goes stale 30 s after the last accepted observation', () => {
    const tracker = createFeedHealthTracker();
    tracker.record('http', 10, T, T);
    expect(tracker.report(T + 30_000)[0]!.stale).toBe(false);
    expect(tracker.report(T + 30_001)[0]!.stale).toBe(true);
  });

  it('takes a longer stale threshold', () => {
    const tracker = createFeedHealthTracker({ staleAfterMs: 120_000 });
    tracker.record('sim', 10, T, T);
    expect(tracker.report(T + 60_000)[0]!.stale).toBe(false);
  });

  it('stays stale when batches arrive but none is accepted', () => {
    const tracker = createFeedHealthTracker();
    tracker.record('http', 0, null, T);
    expect(tracker.report(T)[0]).toMatchObject({ lastReceivedAt: T, stale: true });
  });
});
