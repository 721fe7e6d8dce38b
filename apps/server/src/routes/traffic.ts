import type { FastifyPluginAsync } from 'fastify';
import { ROLES, TrafficNowSchema, TtiSeriesSchema } from '@cbo/contracts';
import { withTrafficMetrics } from '../traffic/with-traffic-metrics';

/**
 * `GET /traffic/now` (the seven metrics of the network and each district as of the last tick, with links to
 * the per-street metrics and the incidents) and `GET /traffic/series` (network TTI per minute today).
 */
export const trafficRoutes: FastifyPluginAsync = async (app) => {
  const anyRole = app.requireRole(...ROLES);
  app.get(
    '/traffic/now',
    { preHandler: anyRole, schema: { response: { 200: TrafficNowSchema } } },
    async () => withTrafficMetrics(app.pipeline.latest(), app.trafficInsights.latest()),
  );
  app.get(
    '/traffic/series',
    { preHandler: anyRole, schema: { response: { 200: TtiSeriesSchema } } },
    async () => app.pipeline.series(),
  );
};
