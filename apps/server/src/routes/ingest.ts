import type { FastifyPluginAsync } from 'fastify';
import { IngestResultSchema } from '@cbo/contracts';
import { parseNdjson } from '../ingest/ndjson';
import { parseJsonArray } from '../ingest/parse-json-array';
import { ingestRateLimit } from '../auth/ingest-rate-limit';

/**
 * `POST /ingest/traffic`: a JSON array or NDJSON lines of `TrafficObservationInput`. Bad items are answered as
 * data (`rejected` by index); only whole-body problems are errors (415, 400, 413). The key (x-api-key) is
 * checked before the body is read (401 and nothing stored without a valid one) and names the source.
 */
export const ingestRoutes: FastifyPluginAsync = async (app) => {
  const bodyLimit = app.config.INGEST_BODY_LIMIT_BYTES;
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (_request, body, done) => {
    try {
      done(null, parseJsonArray(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  app.addContentTypeParser(
    'application/x-ndjson',
    { parseAs: 'string', bodyLimit },
    (_request, body, done) => {
      done(null, parseNdjson(body as string));
    },
  );

  app.post<{ Body: unknown[] }>(
    '/ingest/traffic',
    {
      bodyLimit,
      onRequest: app.requireIngestKey('traffic'),
      config: { rateLimit: ingestRateLimit(app.config.INGEST_LIMIT_PER_MIN) },
      schema: { response: { 200: IngestResultSchema } },
    },
    async (request) => app.ingest.ingestInputs(request.body, request.ingestKey?.source ?? 'unknown'),
  );
};
