import type { FastifyInstance } from 'fastify';
import type { SegmentObservations } from '@cbo/contracts';

/** Longest window read from the history store for one segment, ms (its query scans all segments). */
export const HISTORY_WINDOW_MAX_MS = 3_600_000;

/**
 * Raw readings of one segment in [from, to]: from the bounded in-memory buffer when it still holds `from`,
 * else from the history store (when the app has one) over at most {@link HISTORY_WINDOW_MAX_MS} ending at
 * `to`, else what the buffer holds.
 */
export async function readSegmentObservations(
  app: FastifyInstance,
  segmentIndex: number,
  from: number,
  to: number,
): Promise<SegmentObservations> {
  const { buffer, city } = app.trafficInsights;
  const segmentId = city.segments[segmentIndex]!.id;
  const heldSince = buffer.heldSince(segmentIndex);
  const bufferCovers = heldSince === null || heldSince <= from;
  if (!bufferCovers && app.hasDecorator('history')) {
    const start = Math.max(from, to - HISTORY_WINDOW_MAX_MS);
    const rows = await app.history.store.observations({ from: start, to: to + 1 });
    return {
      segmentId,
      from: start,
      to,
      origin: 'history',
      heldSince: null,
      observations: rows
        .filter((row) => row.segmentIndex === segmentIndex)
        .map((row) => ({ observedAt: row.observedAt, speedKmh: row.speedKmh, flowVph: row.flowVph }))
        .sort((a, b) => a.observedAt - b.observedAt),
    };
  }
  return {
    segmentId,
    from,
    to,
    origin: 'memory',
    heldSince,
    observations: buffer.read(segmentIndex, from, to),
  };
}
