import { describe, expect, it } from 'vitest';
import { assessFreshness } from './assess-freshness';
import type { FreshnessInput } from './assess-freshness';

const live: FreshnessInput = {
  now: 100_000,
  connection: 'connected',
  indicesReceivedAt: 99_000,
  newestInputAgeMs: 2_000,
  tti: 1.3,
};

describe('assessFreshness', () => {
  it('is live with recent indices and input, aged from the newest input', () => {
    expect(assessFreshness(live)).toEqual({ stale: false, reason: null, ageMs: 3_000 });
  });

  it('is stale when the socket is down', () => {
    expect(assessFreshness({ ...live, connection: 'disconnected' }).reason).toBe('disconnected');
  });

  it('is stale when no indices arrived for more than 10 s', () => {
    expect(assessFreshness({ ...live, indicesReceivedAt: 89_999 }).reason).toBe('indices-late');
  });

  it('is stale when the server had no fresh input', () => {
    expect(assessFreshness({ ...live, tti: null }).reason).toBe('no-fresh-input');
  });

  it('is stale when the newest input is older than the threshold', () => {
    expect(assessFreshness({ ...live, newestInputAgeMs: 120_000 }).reason).toBe('input-old');
  });

  it('has no age when the server has never had an input', () => {
    expect(assessFreshness({ ...live, newestInputAgeMs: null, tti: null })).toEqual({
      stale: true,
      reason: 'no-fresh-input',
      ageMs: null,
    });
  });
});
