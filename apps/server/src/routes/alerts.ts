import type { FastifyPluginAsync } from 'fastify';
import { randomUUID } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import { SilenceRequestSchema, type SilenceRequest } from '@cbo/contracts';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/**
 * Alerts, rules and silences: `GET /alerts/active`; `GET /alerts/rules`, `GET /alerts/rules/:id/versions`,
 * `PUT /alerts/rules/:id` (admin; 400 `CBO_ERR_RULE_INVALID` with `errors` explaining each problem, 409
 * `CBO_ERR_RULE_CONFLICT` with the current rule), `POST /alerts/rules/validate`; `GET/POST /alerts/silences`,
 * `DELETE /alerts/silences/:id` (officer, admin).
 */
export const alertRoutes: FastifyPluginAsync = async (app) => {
  const read = { preHandler: app.requireRole('officer', 'admin', 'analyst', 'wall') };
  const officer = { preHandler: app.requireRole('officer', 'admin') };
  const admin = { preHandler: app.requireRole('admin') };
  app.get('/alerts/active', read, async () => ({ alerts: app.alerts.active() }));
  app.get('/alerts/rules', read, async () => ({ rules: app.alerts.rules() }));
  app.get<{ Params: { id: string } }>(
    '/alerts/rules/:id/versions',
    { ...read, schema: { params: IdParams } },
    async (request) => ({ versions: await app.alerts.ruleVersions(request.params.id) }),
  );
  app.post('/alerts/rules/validate', admin, async (request) => {
    const errors = app.alerts.checkRule(request.body);
    return { ok: errors.length === 0, errors };
  });
  app.put<{ Params: { id: string } }>(
    '/alerts/rules/:id',
    { ...admin, schema: { params: IdParams } },
    async (request, reply) => {
      const body = request.body as { id?: unknown } | null;
      if (typeof body !== 'object' || body === null || body.id !== request.params.id) {
        const message = `the rule's id must be ${request.params.id}, got ${JSON.stringify(body?.id)}`;
        return reply.code(400).send({
          statusCode: 400,
          code: 'CBO_ERR_RULE_INVALID',
          error: 'Bad Request',
          message,
          errors: [`id: ${message}`],
        });
      }
      const savedBy = request.actor?.name ?? 'anonymous';
      const result = await app.alerts.saveRule(body, savedBy, app.pipeline.clock.now());
      if ('stored' in result) {
        await app.recordAudit(request, {
          action: 'rule.change',
          target: result.stored.rule.id,
          detail: { kind: 'rule', version: result.stored.rule.version },
        });
        return result.stored;
      }
      if (result.kind === 'invalid') {
        const message = `rule ${request.params.id} is not valid: ${result.errors.join('; ')}`;
        return reply.code(400).send({
          statusCode: 400,
          code: 'CBO_ERR_RULE_INVALID',
          error: 'Bad Request',
          message,
          errors: result.errors,
        });
      }
      return reply.code(409).send({
        statusCode: 409,
        code: 'CBO_ERR_RULE_CONFLICT',
        error: 'Conflict',
        message: result.message,
        current: result.current,
      });
    },
  );
  // `at`: the server's clock (simulated time when the simulator starts in the past), to tell active from scheduled.
  app.get('/alerts/silences', read, async () => ({
    silences: app.alerts.silences(),
    at: app.pipeline.clock.now(),
  }));
  app.post<{ Body: SilenceRequest }>(
    '/alerts/silences',
    { ...officer, schema: { body: SilenceRequestSchema } },
    async (request, reply) => {
      const { matchers, startsAt, endsAt, comment } = request.body;
      if (endsAt <= startsAt) {
        const message = `endsAt (${endsAt}) must be after startsAt (${startsAt})`;
        return reply
          .code(400)
          .send({ statusCode: 400, code: 'CBO_ERR_BAD_REQUEST', error: 'Bad Request', message });
      }
      const silence = {
        id: `silence-${randomUUID()}`,
        matchers,
        startsAt,
        endsAt,
        comment,
        createdBy: request.actor?.name ?? 'anonymous',
      };
      await app.alerts.saveSilence(silence);
      await app.recordAudit(request, {
        action: 'rule.change',
        target: silence.id,
        detail: { kind: 'silence-created', startsAt, endsAt },
      });
      return reply.code(201).send(silence);
    },
  );
  app.delete<{ Params: { id: string } }>(
    '/alerts/silences/:id',
    { ...officer, schema: { params: IdParams } },
    async (request, reply) => {
      if (await app.alerts.deleteSilence(request.params.id)) {
        await app.recordAudit(request, {
          action: 'rule.change',
          target: request.params.id,
          detail: { kind: 'silence-deleted' },
        });
        return reply.code(204).send();
      }
      const message = `no silence ${request.params.id}`;
      return reply
        .code(404)
        .send({ statusCode: 404, code: 'CBO_ERR_NOT_FOUND', error: 'Not Found', message });
    },
  );
};
