import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import createError from '@fastify/error';
import { buildEvidencePack } from './evidence-pack';

/** Roles that may download a case's evidence pack. */
export const EVIDENCE_ROLES = ['officer', 'analyst', 'admin'] as const;

/** The case asked for does not exist. */
export const EvidenceCaseUnknownError = createError<[string]>('CBO_ERR_CASE_NOT_FOUND', 'No case %s', 404);

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/**
 * `GET /cases/:id/evidence`: the case's evidence pack as one zip (see `buildEvidencePack`), audited as an
 * `export`. Pending recorder writes are flushed first so the pack holds everything up to now.
 */
export const evidenceRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { id: string } }>(
    '/cases/:id/evidence',
    { preHandler: app.requireRole(...EVIDENCE_ROLES), schema: { params: IdParams } },
    async (request, reply) => {
      const detail = app.cases.get(request.params.id);
      if (detail === null) throw new EvidenceCaseUnknownError(request.params.id);
      await app.history.recorder?.flush();
      const pack = await buildEvidencePack({
        detail,
        city: app.city,
        store: app.history.store,
        now: app.pipeline.clock.now(),
      });
      await app.recordAudit(request, {
        action: 'export',
        target: `cases/${detail.case.id}/evidence`,
        detail: {
          files: pack.manifest.files.length,
          from: pack.manifest.window.from,
          to: pack.manifest.window.to,
        },
      });
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="${pack.fileName}"`)
        .send(Buffer.from(pack.zip.buffer, pack.zip.byteOffset, pack.zip.byteLength));
    },
  );
};
