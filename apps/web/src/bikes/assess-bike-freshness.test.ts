import { describe, expect, it } from 'vitest';
import type { BikeFeedStatus } from '@cbo/contracts';
import { assessBikeFreshness } from './assess-bike-freshness';

function feed(feedId: string, stale: boolean): BikeFeedStatus {
  return {
    feedId,
    url: null,
    version: '3.0',
    systemId: feedId,
    operatorId: feedId,
    lastUpdatedAt: 1_000,
    lastReceivedAt: 1_000,
    ttlS: 30,
    stale,
    silentMs: 0,
    stations: 0,
    vehicles: 10,
    documentsAccepted: 3,
    documentsRejected: stale ? 1 : 0,
    problems: [],
  };
}

const LIVE = { now: 50_000, connection: 'connected' as const, receivedAt: 45_000 };

describe('assessBikeFreshness', () => {
  it('is fresh when connected, recently pushed and every feed fresh', () => {
    expect(assessBikeFreshness({ ...LIVE, feeds: [feed('a', false)] })).toEqual({
      stale: false,
      reason: null,
      staleFeedIds: [],
      sinceUpdateMs: 5_000,
    });
  });

  it('names the stale feeds when the server marks one stale', () => {
    const verdict = assessBikeFreshness({ ...LIVE, feeds: [feed('a', false), feed('b', true)] });
    expect(verdict.reason).toBe('feed-stale');
    expect(verdict.staleFeedIds).toEqual(['b']);
  });

  it('is stale when the pushes stopped for longer than the gap', () => {
    const verdict = assessBikeFreshness({ ...LIVE, now: 45_000 + 20_001, feeds: [feed('a', false)] });
    expect(verdict.reason).toBe('push-late');
  });

  it('puts a lost connection first', () => {
    const verdict = assessBikeFreshness({ ...LIVE, connection: 'disconnected', feeds: [feed('a', true)] });
    expect(verdict.reason).toBe('disconnected');
  });

  it('says no data before the first metrics or without any feed', () => {
    expect(assessBikeFreshness({ ...LIVE, receivedAt: null, feeds: null }).reason).toBe('no-data');
    expect(assessBikeFreshness({ ...LIVE, feeds: [] }).reason).toBe('no-data');
  });
});
