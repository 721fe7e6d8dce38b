import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { resolveConfigPath } from '../config';
import { WebNotBuiltError } from '../errors';

/**
 * The built web app from WEB_DIST: static files, `/` redirects to `/wall`, `/wall` and `/wall/*` answer
 * index.html (the client routes), or 503 naming the fix when the app is not built.
 */
export const webRoutes: FastifyPluginAsync = async (app) => {
  const root = resolveConfigPath(app.config.WEB_DIST);
  const indexHtml = join(root, 'index.html');
  await app.register(fastifyStatic, { root, index: false, wildcard: true });

  async function sendIndex(reply: FastifyReply): Promise<FastifyReply> {
    try {
      await access(indexHtml);
    } catch {
      throw new WebNotBuiltError(root);
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  }

  app.get('/', async (request, reply) => {
    const query = request.url.indexOf('?');
    return reply.redirect(query === -1 ? '/wall' : `/wall${request.url.slice(query)}`);
  });
  app.get('/wall', async (_request, reply) => sendIndex(reply));
  app.get('/wall/*', async (_request, reply) => sendIndex(reply));
  app.get('/login', async (_request, reply) => sendIndex(reply));
  app.get('/admin', async (_request, reply) => sendIndex(reply));
  app.get('/ops', async (_request, reply) => sendIndex(reply));
  app.get('/ops/*', async (_request, reply) => sendIndex(reply));
  app.get('/replay', async (_request, reply) => sendIndex(reply));
  app.get('/water', async (_request, reply) => sendIndex(reply));
  app.get('/bikes', async (_request, reply) => sendIndex(reply));
};
