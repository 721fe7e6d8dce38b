import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { FormatIngestResultSchema, type RejectedItem } from '@cbo/contracts';
import { HTTP_SOURCE } from '../ingest/ingest-service';
import { mapFiwareRiverEntity } from './formats/fiware-river';
import { isOwnRiverItem, mapOwnRiverItem } from './formats/own-river-format';
import type { MappedRiverBatch } from './formats/river-plausibility';
import { checkRiverEvents } from './formats/river-event-input';
import { RiverBodyError } from './river-errors';

const byIndex = (a: RejectedItem, b: RejectedItem): number => a.index - b.index;
const sourceOf = (request: FastifyRequest): string => request.ingestKey?.source ?? HTTP_SOURCE;

/** The items of a body: an array, an NGSI-v2 notification `{ data: [...] }`, or one entity. */
function itemsOf(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  const data = (body as { data?: unknown }).data;
  return Array.isArray(data) ? data : [body];
}

/**
 * Ingest routes of the river domain (ingest key with the `rivers` feed):
 * `POST /ingest/river` takes items of the project's own format (`{ gaugeId, observedAt, levelM, flowM3s? }`,
 * `{ stationId, observedAt, doMgL?, ... }`) and FIWARE `WaterObserved`, `FloodMonitoring` and
 * `WaterQualityObserved` entities (key-values, normalized NGSI-v2, NGSI-LD; `application/ld+json` too), mixed
 * in one array if need be; `POST /ingest/river-events` takes pollution detections (never a face or a person's
 * identifier). Items are answered one by one with their reasons; only a body of the wrong kind is a 400.
 */
export const riverIngestRoutes: FastifyPluginAsync = async (app) => {
  const bodyLimit = app.config.INGEST_BODY_LIMIT_BYTES;
  const guard = { preHandler: app.requireIngestKey('rivers'), bodyLimit };
  const schema = { response: { 200: FormatIngestResultSchema } };
  app.addContentTypeParser(
    'application/ld+json',
    { parseAs: 'string', bodyLimit },
    (_request, body, done) => {
      try {
        done(null, JSON.parse(body as string));
      } catch (error) {
        done(new RiverBodyError(`body is not valid JSON: ${(error as Error).message}`), undefined);
      }
    },
  );

  app.post<{ Body: unknown }>('/ingest/river', { ...guard, schema }, async (request) => {
    if (request.body === null || typeof request.body !== 'object') {
      throw new RiverBodyError(
        'body must be an array of readings or FIWARE entities, one entity, or a notification',
      );
    }
    const items = itemsOf(request.body);
    const now = app.pipeline.clock.now();
    const batch: MappedRiverBatch = { levels: [], quality: [], rejected: [] };
    items.forEach((item, index) => {
      if (item === null || typeof item !== 'object' || Array.isArray(item)) {
        return void batch.rejected.push({ index, reason: 'item: must be a JSON object' });
      }
      const record = item as Record<string, unknown>;
      const mapped = isOwnRiverItem(record)
        ? mapOwnRiverItem(app.river.network, record, index, now)
        : mapFiwareRiverEntity(app.river.network, record, index, now);
      if ('reason' in mapped) batch.rejected.push(mapped);
      else if ('gaugeIndex' in mapped) batch.levels.push(mapped);
      else batch.quality.push(mapped);
    });
    const outcome = app.river.ingest(batch, sourceOf(request));
    return { received: items.length, ...outcome, rejected: outcome.rejected.sort(byIndex) };
  });

  app.post<{ Body: unknown }>('/ingest/river-events', { ...guard, schema }, async (request) => {
    if (!Array.isArray(request.body)) throw new RiverBodyError('body must be a JSON array of river events');
    const { events, rejected } = checkRiverEvents(
      app.river.network,
      request.body,
      app.pipeline.clock.now(),
      sourceOf(request),
    );
    const stored = app.river.addEvents(events.map((e) => e.event));
    return {
      received: request.body.length,
      accepted: stored.accepted.length,
      duplicates: stored.duplicates,
      rejected: rejected.sort(byIndex),
    };
  });
};
