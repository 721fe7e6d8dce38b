import type { ConnectionState } from '../realtime/traffic-socket';

/** Why the screen shows its data as stale. */
export type StaleReason = 'disconnected' | 'no-indices' | 'indices-late' | 'no-fresh-input' | 'input-old';

/** What the freshness indicator needs to know. */
export interface FreshnessInput {
  now: number;
  connection: ConnectionState;
  /** Client time the newest indices arrived, epoch ms; null before the first. */
  indicesReceivedAt: number | null;
  /** `newestInputAgeMs` of the network indices, as computed by the server. */
  newestInputAgeMs: number | null;
  /** Network TTI; null when the server had no fresh input. */
  tti: number | null;
}

/** Thresholds of the stale state. */
export interface FreshnessThresholds {
  /** Longest gap between indices pushes before the screen is stale, ms. @default 10_000 */
  maxIndicesGapMs: number;
  /** Oldest newest-input age that still counts as live, ms. @default 120_000 */
  maxInputAgeMs: number;
}

export const DEFAULT_FRESHNESS_THRESHOLDS: FreshnessThresholds = {
  maxIndicesGapMs: 10_000,
  maxInputAgeMs: 120_000,
};

/** The verdict: stale or not, why, and how old the newest input is now (null when there is none or it is unknown). */
export interface Freshness {
  stale: boolean;
  reason: StaleReason | null;
  ageMs: number | null;
}

/**
 * Decides whether the screen's data is stale: the socket is down, indices stopped arriving, the server had
 * no fresh input, or its newest input is too old. The age is that of the newest input as of now.
 */
export function assessFreshness(
  input: FreshnessInput,
  thresholds: FreshnessThresholds = DEFAULT_FRESHNESS_THRESHOLDS,
): Freshness {
  const sinceIndicesMs =
    input.indicesReceivedAt === null ? null : Math.max(0, input.now - input.indicesReceivedAt);
  const ageMs =
    sinceIndicesMs === null || input.newestInputAgeMs === null
      ? null
      : input.newestInputAgeMs + sinceIndicesMs;
  const verdict = (reason: StaleReason | null): Freshness => ({ stale: reason !== null, reason, ageMs });
  if (input.connection !== 'connected') return verdict('disconnected');
  if (sinceIndicesMs === null) return verdict('no-indices');
  if (sinceIndicesMs > thresholds.maxIndicesGapMs) return verdict('indices-late');
  if (input.tti === null) return verdict('no-fresh-input');
  if (ageMs !== null && ageMs > thresholds.maxInputAgeMs) return verdict('input-old');
  return verdict(null);
}
