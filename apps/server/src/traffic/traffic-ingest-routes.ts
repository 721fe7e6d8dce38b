import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import { FormatIngestResultSchema, type FormatIngestResult, type RejectedItem } from '@cbo/contracts';
import { HTTP_SOURCE } from '../ingest/ingest-service';
import { mapTrafficFlowObserved, type MappedBatch } from './formats/fiware-traffic-flow';
import { mapTomTomFlow } from './formats/tomtom-flow';
import { checkTrafficEvents } from './formats/traffic-event-input';
import { TrafficBodyError } from './traffic-errors';

const byIndex = (a: RejectedItem, b: RejectedItem): number => a.index - b.index;

/** Feeds mapped readings through the ingest service and maps its rejections back to the posted items. */
function ingestMapped(
  app: FastifyInstance,
  received: number,
  batch: MappedBatch,
  source: string,
): FormatIngestResult {
  const result = app.ingest.ingestObservations(
    batch.readings.map(({ segmentId, observedAt, speedKmh, flowVph }) => ({
      segmentId,
      observedAt,
      speedKmh,
      ...(flowVph === undefined ? {} : { flowVph }),
      source,
    })),
    source,
  );
  const rejected = [
    ...batch.rejected,
    ...result.rejected.map((item) => ({ index: batch.readings[item.index]!.index, reason: item.reason })),
  ].sort(byIndex);
  return { received, accepted: result.accepted, duplicates: result.duplicates, rejected };
}

const sourceOf = (request: FastifyRequest): string => request.ingestKey?.source ?? HTTP_SOURCE;

function itemCount(body: unknown): number {
  if (Array.isArray(body)) return body.length;
  const data = (body as { data?: unknown } | null)?.data;
  return Array.isArray(data) ? data.length : 1;
}

/**
 * Ingest routes of the traffic formats (ingest key with the `traffic` feed):
 * `POST /ingest/traffic-events` (camera detections, never a plate), `POST /ingest/fiware/traffic-flow`
 * (FIWARE TrafficFlowObserved, also `application/ld+json`) and `POST /ingest/tomtom/flow`
 * (TomTom `flowSegmentData`). Items are answered one by one; only a body of the wrong kind is a 400.
 */
export const trafficIngestRoutes: FastifyPluginAsync = async (app) => {
  const bodyLimit = app.config.INGEST_BODY_LIMIT_BYTES;
  const guard = { preHandler: app.requireIngestKey('traffic'), bodyLimit };
  const schema = { response: { 200: FormatIngestResultSchema } };
  app.addContentTypeParser(
    'application/ld+json',
    { parseAs: 'string', bodyLimit },
    (_request, body, done) => {
      try {
        done(null, JSON.parse(body as string));
      } catch (error) {
        done(new TrafficBodyError(`body is not valid JSON: ${(error as Error).message}`), undefined);
      }
    },
  );

  app.post<{ Body: unknown }>('/ingest/traffic-events', { ...guard, schema }, async (request) => {
    if (!Array.isArray(request.body))
      throw new TrafficBodyError('body must be a JSON array of traffic events');
    const { checked, rejected } = checkTrafficEvents(request.body, app.pipeline.clock.now());
    const stored = app.trafficInsights.events.add(checked, sourceOf(request));
    return {
      received: request.body.length,
      accepted: stored.accepted,
      duplicates: stored.duplicates,
      rejected: [...rejected, ...stored.rejected].sort(byIndex),
    };
  });

  app.post<{ Body: unknown }>('/ingest/fiware/traffic-flow', { ...guard, schema }, async (request) => {
    if (request.body === null || typeof request.body !== 'object') {
      throw new TrafficBodyError(
        'body must be a TrafficFlowObserved entity, an array of them, or a notification',
      );
    }
    const batch = mapTrafficFlowObserved(app.city, request.body);
    return ingestMapped(app, itemCount(request.body), batch, sourceOf(request));
  });

  app.post<{ Body: unknown }>('/ingest/tomtom/flow', { ...guard, schema }, async (request) => {
    if (request.body === null || typeof request.body !== 'object') {
      throw new TrafficBodyError('body must be a flowSegmentData answer or an array of them');
    }
    const batch = mapTomTomFlow(app.city, request.body, app.pipeline.clock.now());
    return ingestMapped(app, Array.isArray(request.body) ? request.body.length : 1, batch, sourceOf(request));
  });
};
