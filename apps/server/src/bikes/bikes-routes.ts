import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import createError from '@fastify/error';
import {
  BikeOperatorSeriesQuerySchema,
  BikeOperatorSeriesSchema,
  BikeOperatorsResponseSchema,
  BikesNowSchema,
  BikeStationsResponseSchema,
  BikeZonesResponseSchema,
  GBFS_FILES,
  GbfsIngestResultSchema,
  ROLES,
  type BikeOperatorSeries,
  type BikeOperatorSeriesQuery,
  type GbfsFile,
} from '@cbo/contracts';
import { ingestRateLimit } from '../auth/ingest-rate-limit';

/** Unknown bike operator (404). */
export const BikeOperatorNotFoundError = createError<[string]>(
  'CBO_ERR_BIKE_OPERATOR_NOT_FOUND',
  'No bike operator %s',
  404,
);

const FeedParamsSchema = Type.Object({
  feedId: Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{0,47}$' }),
  file: Type.Union(GBFS_FILES.flatMap((f) => [Type.Literal(f), Type.Literal(`${f}.json`)])),
});

/** Per district: parked and in-use bikes of one operator now. */
function distribution(
  app: Parameters<FastifyPluginAsync>[0],
  code: number,
): BikeOperatorSeries['distribution'] {
  const { fleet } = app.bikes.service.state;
  const ids = app.city.districtIds;
  const parked = new Array<number>(ids.length).fill(0);
  const inUse = new Array<number>(ids.length).fill(0);
  for (let slot = 0; slot < fleet.count; slot++) {
    const d = fleet.district[slot]!;
    if (fleet.present[slot] === 0 || fleet.operator[slot] !== code || d < 0) continue;
    if (fleet.state[slot] === 1) inUse[d]!++;
    else parked[d]!++;
  }
  return ids.map((districtId, d) => ({ districtId, parked: parked[d]!, inUse: inUse[d]! }));
}

/**
 * Bike REST (any signed-in role): `GET /bikes/now`, `/bikes/stations`, `/bikes/zones`, `/bikes/operators`,
 * `/bikes/operators/:id/series?date=YYYY-MM-DD&bucketMin=5|15`. Push ingest (ingest key with the `bikes`
 * feed): `POST /ingest/gbfs/:feedId/:file` with one GBFS 2.3 or 3.0 document; 200 when applied, 422 with
 * the JSON path of each error when rejected (the state held stays, the feed is marked stale).
 */
export const bikesRoutes: FastifyPluginAsync = async (app) => {
  const anyRole = app.requireRole(...ROLES);
  const now = (): number => app.pipeline.clock.now();
  const service = app.bikes.service;

  app.get('/bikes/now', { preHandler: anyRole, schema: { response: { 200: BikesNowSchema } } }, async () =>
    service.now(now()),
  );
  app.get(
    '/bikes/stations',
    { preHandler: anyRole, schema: { response: { 200: BikeStationsResponseSchema } } },
    async () => ({
      computedAt: now(),
      stations: service.stationViews(now()),
    }),
  );
  app.get(
    '/bikes/zones',
    { preHandler: anyRole, schema: { response: { 200: BikeZonesResponseSchema } } },
    async () => {
      const at = now();
      const statuses = service.metrics(at).zones;
      return {
        computedAt: at,
        zones: service.state.zones.map((zone, i) => ({ ...zone, status: statuses[i]! })),
      };
    },
  );
  app.get(
    '/bikes/operators',
    { preHandler: anyRole, schema: { response: { 200: BikeOperatorsResponseSchema } } },
    async () => ({
      operators: service.state.operators,
    }),
  );
  app.get<{ Params: { id: string }; Querystring: BikeOperatorSeriesQuery }>(
    '/bikes/operators/:id/series',
    {
      preHandler: anyRole,
      schema: {
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) }),
        querystring: BikeOperatorSeriesQuerySchema,
        response: { 200: BikeOperatorSeriesSchema },
      },
    },
    async (request) => {
      const operator = service.state.operators.find((o) => o.id === request.params.id);
      if (!operator) throw new BikeOperatorNotFoundError(request.params.id);
      const today = app.bikes.series.dateOf(now());
      const date = request.query.date ?? today;
      const bucketMin = request.query.bucketMin ?? 5;
      const points = app.bikes.series.series(operator.id, date, bucketMin) ?? [];
      return {
        operatorId: operator.id,
        date,
        bucketMin,
        quota: operator.quota,
        points,
        distribution: date === today ? distribution(app, operator.code) : [],
      };
    },
  );

  app.post<{ Params: { feedId: string; file: string }; Body: unknown }>(
    '/ingest/gbfs/:feedId/:file',
    {
      bodyLimit: app.config.BIKES_BODY_LIMIT_BYTES,
      preHandler: app.requireIngestKey('bikes'),
      config: { rateLimit: ingestRateLimit(app.config.INGEST_LIMIT_PER_MIN) },
      schema: {
        params: FeedParamsSchema,
        response: { 200: GbfsIngestResultSchema, 422: GbfsIngestResultSchema },
      },
    },
    async (request, reply) => {
      const file = request.params.file.replace(/\.json$/, '') as GbfsFile;
      const result = service.ingestDocument(request.params.feedId, file, request.body, now());
      return reply.code(result.accepted ? 200 : 422).send(result);
    },
  );
};
