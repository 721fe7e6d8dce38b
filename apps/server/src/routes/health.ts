import type { FastifyPluginAsync } from 'fastify';
import { HealthSchema, type Health } from '@cbo/contracts';

/** `GET /health`: `ok` when every known feed is fresh, `degraded` when one is stale or none is known. */
export const healthRoutes: FastifyPluginAsync = async (app) => {
  const startedAt = performance.now();
  app.get('/health', { schema: { response: { 200: HealthSchema } } }, async (): Promise<Health> => {
    const now = app.pipeline.clock.now();
    const feeds = app.feedHealth.report(now);
    const healthy = feeds.length > 0 && feeds.every((feed) => !feed.stale);
    return {
      status: healthy ? 'ok' : 'degraded',
      now,
      uptimeS: Math.round((performance.now() - startedAt) / 100) / 10,
      feeds,
    };
  });
};
