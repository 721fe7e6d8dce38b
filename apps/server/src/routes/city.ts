import type { FastifyPluginAsync } from 'fastify';
import { ROLES } from '@cbo/contracts';

/** `GET /city`: the city document (large and immutable: serialised once, on first request). */
export const cityRoutes: FastifyPluginAsync = async (app) => {
  let cached: string | null = null;
  app.get('/city', { preHandler: app.requireRole(...ROLES) }, async (_request, reply) => {
    cached ??= JSON.stringify(app.city.document);
    return reply.type('application/json; charset=utf-8').header('cache-control', 'no-cache').send(cached);
  });
};
