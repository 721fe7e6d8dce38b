import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import { HealthSchema, ROLES, type Health } from '@cbo/contracts';

/** Answer of the public liveness probe: nothing about feeds, versions or uptime. */
const LivenessSchema = Type.Object({ status: Type.Literal('ok') });

/**
 * `GET /health` (signed in, any role): `ok` when every known feed is fresh, `degraded` when one is stale or none
 * is known. `GET /health/live` (public, for load balancers and process supervisors): `{ status: 'ok' }` while the
 * process answers.
 */
export const healthRoutes: FastifyPluginAsync = async (app) => {
  const startedAt = performance.now();
  app.get(
    '/health/live',
    { config: { access: 'public' }, schema: { response: { 200: LivenessSchema } } },
    async () => ({ status: 'ok' as const }),
  );
  const health = { preHandler: app.requireRole(...ROLES), schema: { response: { 200: HealthSchema } } };
  app.get('/health', health, async (): Promise<Health> => {
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
