import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import { SegmentReadingsSchema } from '@cbo/contracts';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 128 }) });

/** `GET /ops/segments/:id/readings`: the segment's speed and TTI per minute over the last hour. */
export const segmentReadingRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { id: string } }>(
    '/ops/segments/:id/readings',
    {
      preHandler: app.requireRole('officer', 'admin', 'analyst'),
      schema: { params: IdParams, response: { 200: SegmentReadingsSchema } },
    },
    async (request, reply) => {
      const index = app.city.segmentIndexById.get(request.params.id);
      if (index === undefined) {
        const message = `no segment ${request.params.id}`;
        return reply
          .code(404)
          .send({ statusCode: 404, code: 'CBO_ERR_NOT_FOUND', error: 'Not Found', message });
      }
      return {
        segmentId: request.params.id,
        freeFlowKmh: app.city.freeFlowKmh[index] as number,
        points: app.segmentHistory.read(index),
      };
    },
  );
};
