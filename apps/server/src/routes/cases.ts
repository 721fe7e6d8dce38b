import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import { CaseActionRequestSchema, type CaseActionRequest } from '@cbo/contracts';
import { buildOpsSnapshot, KPI_WINDOW_MS } from '../realtime/ops-gateway';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/** HTTP status and stable code of each refusal of a case action. */
const REFUSALS = {
  conflict: [409, 'CBO_ERR_CASE_CONFLICT', 'Conflict'],
  'illegal-transition': [422, 'CBO_ERR_CASE_TRANSITION', 'Unprocessable Entity'],
  'invalid-action': [400, 'CBO_ERR_CASE_ACTION_INVALID', 'Bad Request'],
  'unknown-unit': [400, 'CBO_ERR_UNKNOWN_UNIT', 'Bad Request'],
  'not-found': [404, 'CBO_ERR_CASE_NOT_FOUND', 'Not Found'],
} as const;

/**
 * Cases: `GET /cases`, `GET /cases/:id` (with its timeline), `POST /cases/:id/actions`, `GET /units`,
 * `GET /cases/kpis`, `GET /ops/snapshot`. Reading: every signed-in role; acting: officer and admin.
 */
export const caseRoutes: FastifyPluginAsync = async (app) => {
  const read = { preHandler: app.requireRole('officer', 'admin', 'analyst', 'wall') };
  app.get('/cases', read, async () => ({ cases: app.cases.list() }));
  app.get('/units', read, async () => ({ units: app.cases.units() }));
  app.get('/cases/kpis', read, async () => {
    const now = app.pipeline.clock.now();
    return app.cases.kpis(now - KPI_WINDOW_MS, now + 1);
  });
  app.get('/ops/snapshot', read, async () =>
    buildOpsSnapshot(app.alerts, app.cases, app.pipeline.clock.now()),
  );
  app.get<{ Params: { id: string } }>(
    '/cases/:id',
    { ...read, schema: { params: IdParams } },
    async (request, reply) => {
      const detail = app.cases.get(request.params.id);
      if (detail !== null) return detail;
      const [statusCode, code, error] = REFUSALS['not-found'];
      return reply
        .code(statusCode)
        .send({ statusCode, code, error, message: `no case ${request.params.id}` });
    },
  );
  app.post<{ Params: { id: string }; Body: CaseActionRequest }>(
    '/cases/:id/actions',
    {
      preHandler: app.requireRole('officer', 'admin'),
      schema: { params: IdParams, body: CaseActionRequestSchema },
    },
    async (request, reply) => {
      const actor = request.actor ?? { id: 'anonymous', name: 'anonymous' };
      const result = await app.cases.act(request.params.id, request.body, actor, app.pipeline.clock.now());
      if (!('error' in result)) {
        const { type, unitId, reason, result: outcome } = request.body;
        await app.recordAudit(request, {
          action: 'case.action',
          target: request.params.id,
          detail: {
            type,
            revision: result.case.revision,
            ...(unitId && { unitId }),
            ...(reason && { reason }),
            ...(outcome && { result: outcome }),
          },
        });
        return result;
      }
      const refusal = result.error;
      const [statusCode, code, error] = REFUSALS[refusal.code];
      const body: Record<string, unknown> = { statusCode, code, error, message: refusal.message };
      if ('case' in refusal)
        Object.assign(body, { case: refusal.case, allowed: 'allowed' in refusal ? refusal.allowed : [] });
      request.log.info({ code, caseId: request.params.id, message: refusal.message }, 'case action refused');
      return reply.code(statusCode).send(body);
    },
  );
};
