import type { FastifyBaseLogger } from 'fastify';
import type { City } from '@cbo/city';
import { applyObservation, type SegmentState } from '@cbo/indices';
import {
  MAX_FUTURE_SKEW_MS,
  type IngestResult,
  type RejectedItem,
  type TrafficObservation,
} from '@cbo/contracts';
import type { Clock } from '../pipeline/clock';
import type { FeedHealthTracker } from './feed-health';
import { MalformedLine } from './ndjson';
import { describeObservationError, validateObservationInput } from './observation-validator';

/** Feed name of observations posted over HTTP (per-key source names come with ingest keys). */
export const HTTP_SOURCE = 'http';
/** Feed name of the in-process simulator. */
export const SIM_SOURCE = 'sim';

/** Normalises, checks and applies traffic observations; the one way readings enter the segment state. */
export interface IngestService {
  /**
   * Ingests untrusted items (parsed JSON array or NDJSON lines): each is schema-validated, then checked.
   * Never throws on bad items: they come back in `rejected` by index.
   */
  ingestInputs(items: readonly unknown[], source: string): IngestResult;
  /** Ingests observations built in process (the simulator): same checks, no schema validation. */
  ingestObservations(observations: readonly TrafficObservation[], source: string): IngestResult;
  /**
   * Calls `listener` after every batch with the observations it accepted (out-of-order ones included,
   * duplicates and rejections not), in columns. Returns a function that unsubscribes.
   */
  onAccepted(listener: (batch: AcceptedObservations) => void): () => void;
}

export interface IngestServiceDeps {
  city: City;
  state: SegmentState;
  clock: Clock;
  feedHealth: FeedHealthTracker;
  log: FastifyBaseLogger;
}

/** The accepted observations of one batch, normalised, in columns (the history recorder's input). */
export interface AcceptedObservations {
  source: string;
  receivedAt: number;
  segmentIndex: number[];
  observedAt: number[];
  speedKmh: number[];
  /** NaN when the reading carried no flow. */
  flowVph: number[];
}

interface BatchCounters {
  accepted: number;
  duplicates: number;
  newestObservedAt: number;
  rejected: RejectedItem[];
}

/**
 * Creates the ingest service. Per item, in order: valid shape (inputs only); known segment; not more than
 * `MAX_FUTURE_SKEW_MS` in the future of the server clock; then applied to the state. A reading with the same
 * segment and time as the one held (also a repeat within the batch) counts as a duplicate; an older one than
 * held (out of order) counts as accepted but leaves the state unchanged.
 */
export function createIngestService({
  city,
  state,
  clock,
  feedHealth,
  log,
}: IngestServiceDeps): IngestService {
  const indexById = city.segmentIndexById;
  const acceptedListeners = new Set<(batch: AcceptedObservations) => void>();
  /** Accepted observations of the batch being ingested, when someone listens. */
  let kept: AcceptedObservations | null = null;

  function applyOne(
    batch: BatchCounters,
    index: number,
    segmentId: string,
    observedAtInput: number | string,
    speedKmh: number,
    flowVph: number | undefined,
    latestAllowed: number,
  ): void {
    const segmentIndex = indexById.get(segmentId);
    if (segmentIndex === undefined) {
      batch.rejected.push({ index, reason: `segmentId: unknown segment '${segmentId}'` });
      return;
    }
    const observedAt = typeof observedAtInput === 'number' ? observedAtInput : Date.parse(observedAtInput);
    if (!(observedAt > 0)) {
      batch.rejected.push({
        index,
        reason: `observedAt: ${String(observedAtInput)} is not after 1970-01-01`,
      });
      return;
    }
    if (observedAt > latestAllowed) {
      const skewS = MAX_FUTURE_SKEW_MS / 1000;
      const reason = `observedAt: ${new Date(observedAt).toISOString()} is in the future (more than ${skewS} s ahead of server time ${new Date(latestAllowed - MAX_FUTURE_SKEW_MS).toISOString()})`;
      batch.rejected.push({ index, reason });
      return;
    }
    const outcome = applyObservation(state, segmentIndex, observedAt, speedKmh, flowVph);
    if (outcome === 'duplicate') {
      batch.duplicates++;
      return;
    }
    batch.accepted++;
    if (acceptedListeners.size > 0) {
      kept ??= { source: '', receivedAt: 0, segmentIndex: [], observedAt: [], speedKmh: [], flowVph: [] };
      kept.segmentIndex.push(segmentIndex);
      kept.observedAt.push(observedAt);
      kept.speedKmh.push(speedKmh);
      kept.flowVph.push(flowVph ?? Number.NaN);
    }
    if (observedAt > batch.newestObservedAt) batch.newestObservedAt = observedAt;
  }

  function finish(batch: BatchCounters, received: number, source: string, receivedAt: number): IngestResult {
    if (kept) {
      const accepted = { ...kept, source, receivedAt };
      kept = null;
      for (const listener of acceptedListeners) listener(accepted);
    }
    feedHealth.record(
      source,
      batch.accepted,
      batch.newestObservedAt > 0 ? batch.newestObservedAt : null,
      receivedAt,
    );
    const result = {
      received,
      accepted: batch.accepted,
      duplicates: batch.duplicates,
      rejected: batch.rejected,
    };
    log.debug(
      {
        source,
        received,
        accepted: batch.accepted,
        duplicates: batch.duplicates,
        rejected: batch.rejected.length,
      },
      'ingest batch',
    );
    if (batch.rejected.length > 0) {
      log.trace({ source, rejected: batch.rejected }, 'ingest rejections');
    }
    return result;
  }

  return {
    onAccepted(listener) {
      acceptedListeners.add(listener);
      return () => acceptedListeners.delete(listener);
    },
    ingestInputs(items, source) {
      const receivedAt = clock.now();
      const latestAllowed = receivedAt + MAX_FUTURE_SKEW_MS;
      const batch: BatchCounters = { accepted: 0, duplicates: 0, newestObservedAt: 0, rejected: [] };
      for (let index = 0; index < items.length; index++) {
        const item = items[index];
        if (item instanceof MalformedLine) {
          batch.rejected.push({ index, reason: item.reason });
        } else if (!validateObservationInput(item)) {
          batch.rejected.push({ index, reason: describeObservationError(validateObservationInput.errors) });
        } else {
          applyOne(batch, index, item.segmentId, item.observedAt, item.speedKmh, item.flowVph, latestAllowed);
        }
      }
      return finish(batch, items.length, source, receivedAt);
    },
    ingestObservations(observations, source) {
      const receivedAt = clock.now();
      const latestAllowed = receivedAt + MAX_FUTURE_SKEW_MS;
      const batch: BatchCounters = { accepted: 0, duplicates: 0, newestObservedAt: 0, rejected: [] };
      for (let index = 0; index < observations.length; index++) {
        const o = observations[index]!;
        applyOne(batch, index, o.segmentId, o.observedAt, o.speedKmh, o.flowVph, latestAllowed);
      }
      return finish(batch, observations.length, source, receivedAt);
    },
  };
}
