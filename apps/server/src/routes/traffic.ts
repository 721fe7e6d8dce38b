import type { FastifyPluginAsync } from 'fastify';
import { TrafficNowSchema, TtiSeriesSchema } from '@cbo/contracts';

/** `GET /traffic/now` (indices of the last tick) and `GET /traffic/series` (network TTI per minute today). */
export const trafficRoutes: FastifyPluginAsync = async (app) => {
  app.get('/traffic/now', { schema: { response: { 200: TrafficNowSchema } } }, async () =>
    app.pipeline.latest(),
  );
  app.get('/traffic/series', { schema: { response: { 200: TtiSeriesSchema } } }, async () =>
    app.pipeline.series(),
  );
};
