import { MAX_FUTURE_SKEW_MS } from '@cbo/contracts';

/** Default freshness window: a reading older than 5 minutes no longer describes the segment. */
export const DEFAULT_FRESH_FOR_MS = 300_000;

/**
 * Whether a reading taken at `observedAt` is fresh at `now`: observed at all (not 0), no older than
 * `freshForMs`, and not stamped more than `MAX_FUTURE_SKEW_MS` (60 s) in the future.
 */
export function isFresh(observedAt: number, now: number, freshForMs: number): boolean {
  return observedAt > 0 && now - observedAt <= freshForMs && observedAt <= now + MAX_FUTURE_SKEW_MS;
}
