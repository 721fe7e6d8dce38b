import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import { GBFS_FILES, type GbfsFile } from '@cbo/contracts';
import { buildSimGbfsDocument } from '@cbo/sim';
import { RouteNotFoundError } from '../errors';

/**
 * `GET /gbfs/sim/:systemId/:file` (public, like any GBFS feed; only with the simulator on): the simulated
 * Hangzhou feed as GBFS 3.0 at the server's time. Start at `/gbfs/sim/yunqi/gbfs.json` (systems:
 * `hz-public-bike`, `yunqi`, `chenglun`, `hupan`).
 */
export const simGbfsRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { systemId: string; file: string } }>(
    '/gbfs/sim/:systemId/:file',
    {
      schema: {
        params: Type.Object({
          systemId: Type.String({ pattern: '^[a-z0-9-]{1,48}$' }),
          file: Type.Union(GBFS_FILES.map((f) => Type.Literal(`${f}.json`))),
        }),
      },
    },
    async (request, reply) => {
      const sim = app.bikes.sim;
      const { systemId, file } = request.params;
      const document = sim
        ? buildSimGbfsDocument(sim.sim, sim.fixture, {
            systemId,
            file: file.replace(/\.json$/, '') as GbfsFile,
            at: app.pipeline.clock.now(),
            baseUrl: `${request.protocol}://${request.host}/gbfs/sim/${systemId}/`,
          })
        : null;
      if (document === null) throw new RouteNotFoundError('GET', request.url);
      return reply.header('cache-control', 'max-age=30').send(document);
    },
  );
};
