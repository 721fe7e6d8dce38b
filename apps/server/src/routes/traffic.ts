import type { FastifyPluginAsync } from 'fastify';
import { ROLES, TrafficNowSchema, TtiSeriesSchema } from '@cbo/contracts';

/** `GET /traffic/now` (indices of the last tick) and `GET /traffic/series` (network TTI per minute today). */
export const trafficRoutes: FastifyPluginAsync = async (app) => {
  const anyRole = app.requireRole(...ROLES);
  app.get(
    '/traffic/now',
    { preHandler: anyRole, schema: { response: { 200: TrafficNowSchema } } },
    async () => app.pipeline.latest(),
  );
  app.get(
    '/traffic/series',
    { preHandler: anyRole, schema: { response: { 200: TtiSeriesSchema } } },
    async () => app.pipeline.series(),
  );
};
