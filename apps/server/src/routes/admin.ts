import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import {
  AuditPageSchema,
  AuditQuerySchema,
  CreateIngestKeyRequestSchema,
  CreateUserRequestSchema,
  IngestKeyListSchema,
  IngestKeySchema,
  IssuedIngestKeySchema,
  IssuedWallTokenSchema,
  IssueWallTokenRequestSchema,
  RotateIngestKeyRequestSchema,
  UpdateUserRequestSchema,
  UserListSchema,
  UserSchema,
  WallTokenListSchema,
  WallTokenSchema,
  type AuditQuery,
  type CreateIngestKeyRequest,
  type CreateUserRequest,
  type IssueWallTokenRequest,
  type RotateIngestKeyRequest,
  type UpdateUserRequest,
} from '@cbo/contracts';
import {
  AuthRecordNotFoundError,
  KeyNotActiveError,
  LastAdminError,
  UsernameTakenError,
} from '../auth/auth-errors';
import { isKeyActive } from '../auth/ingest-keys-repository';

const IdParamsSchema = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
type IdParams = { id: string };
/** Largest admin request body, bytes. */
const ADMIN_BODY_LIMIT_BYTES = 16 * 1024;
/** How long the old key stays valid after a rotation by default: one day. */
const DEFAULT_ROTATION_GRACE_S = 86_400;

/**
 * Admin only: users (`/admin/users`), wall kiosk tokens (`/admin/wall-tokens`), ingest keys
 * (`/admin/ingest-keys`) and the audit log (`/admin/audit`). Every change is audited; secrets are answered once.
 */
export const adminRoutes: FastifyPluginAsync = async (app) => {
  const admin = app.requireRole('admin');
  const now = (): number => Date.now();
  const actorName = (actor: { name: string } | null): string => actor?.name ?? '?';

  app.get('/admin/users', { preHandler: admin, schema: { response: { 200: UserListSchema } } }, async () =>
    app.auth.users.list(),
  );

  app.post<{ Body: CreateUserRequest }>(
    '/admin/users',
    {
      preHandler: admin,
      bodyLimit: ADMIN_BODY_LIMIT_BYTES,
      schema: { body: CreateUserRequestSchema, response: { 201: UserSchema } },
    },
    async (request, reply) => {
      const user = await app.auth.users.create(request.body, now());
      if (!user) throw new UsernameTakenError(request.body.username);
      await app.recordAudit(request, {
        action: 'user.create',
        target: user.id,
        detail: { username: user.username, role: user.role },
      });
      return reply.code(201).send(user);
    },
  );

  app.patch<{ Params: IdParams; Body: UpdateUserRequest }>(
    '/admin/users/:id',
    {
      preHandler: admin,
      bodyLimit: ADMIN_BODY_LIMIT_BYTES,
      schema: { params: IdParamsSchema, body: UpdateUserRequestSchema, response: { 200: UserSchema } },
    },
    async (request) => {
      const { id } = request.params;
      const current = await app.auth.users.findById(id);
      if (!current) throw new AuthRecordNotFoundError('user', id);
      const { role, disabled, password } = request.body;
      const losesAdmin =
        current.role === 'admin' && ((role !== undefined && role !== 'admin') || disabled === true);
      if (losesAdmin && (await app.auth.users.countActiveAdmins(id)) === 0) throw new LastAdminError();
      const user = await app.auth.users.update(id, request.body);
      if (!user) throw new AuthRecordNotFoundError('user', id);
      if (disabled === true || password !== undefined || role !== undefined) {
        await app.auth.sessions.deleteForUser(id);
        app.auth.invalidate();
        app.socketAccess.disconnectWhere((actor) => actor.id === id);
      }
      await app.recordAudit(request, {
        action: 'user.update',
        target: id,
        detail: {
          username: user.username,
          role: role ?? null,
          disabled: disabled ?? null,
          passwordChanged: password !== undefined,
        },
      });
      return user;
    },
  );

  app.get(
    '/admin/wall-tokens',
    { preHandler: admin, schema: { response: { 200: WallTokenListSchema } } },
    async () => app.auth.wallTokens.list(),
  );

  app.post<{ Body: IssueWallTokenRequest }>(
    '/admin/wall-tokens',
    {
      preHandler: admin,
      bodyLimit: ADMIN_BODY_LIMIT_BYTES,
      schema: { body: IssueWallTokenRequestSchema, response: { 201: IssuedWallTokenSchema } },
    },
    async (request, reply) => {
      const issued = await app.auth.wallTokens.issue(
        request.body.screenName,
        actorName(request.actor),
        now(),
      );
      await app.recordAudit(request, {
        action: 'wall-token.issue',
        target: issued.wallToken.id,
        detail: { screenName: issued.wallToken.screenName },
      });
      const url = `/wall?token=${encodeURIComponent(issued.token)}`;
      return reply.code(201).send({ ...issued, url });
    },
  );

  app.post<{ Params: IdParams }>(
    '/admin/wall-tokens/:id/revoke',
    { preHandler: admin, schema: { params: IdParamsSchema, response: { 200: WallTokenSchema } } },
    async (request) => {
      const { id } = request.params;
      const revoked = await app.auth.wallTokens.revoke(id, now());
      if (!revoked) throw new AuthRecordNotFoundError('wall token', id);
      app.auth.invalidate();
      app.socketAccess.disconnectWhere((actor) => actor.id === `wall:${id}`);
      await app.recordAudit(request, {
        action: 'wall-token.revoke',
        target: id,
        detail: { screenName: revoked.screenName },
      });
      return revoked;
    },
  );

  app.get(
    '/admin/ingest-keys',
    { preHandler: admin, schema: { response: { 200: IngestKeyListSchema } } },
    async () => app.auth.ingestKeys.list(),
  );

  app.post<{ Body: CreateIngestKeyRequest }>(
    '/admin/ingest-keys',
    {
      preHandler: admin,
      bodyLimit: ADMIN_BODY_LIMIT_BYTES,
      schema: { body: CreateIngestKeyRequestSchema, response: { 201: IssuedIngestKeySchema } },
    },
    async (request, reply) => {
      const issued = await app.auth.ingestKeys.create(request.body, actorName(request.actor), now());
      await app.recordAudit(request, {
        action: 'ingest-key.create',
        target: issued.ingestKey.id,
        detail: { source: issued.ingestKey.source, feeds: issued.ingestKey.feeds.join(',') },
      });
      return reply.code(201).send(issued);
    },
  );

  app.post<{ Params: IdParams; Body: RotateIngestKeyRequest | undefined }>(
    '/admin/ingest-keys/:id/rotate',
    {
      preHandler: admin,
      bodyLimit: ADMIN_BODY_LIMIT_BYTES,
      schema: {
        params: IdParamsSchema,
        body: Type.Optional(RotateIngestKeyRequestSchema),
        response: { 201: IssuedIngestKeySchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const old = await app.auth.ingestKeys.findById(id);
      if (!old) throw new AuthRecordNotFoundError('ingest key', id);
      if (!isKeyActive(old, now())) throw new KeyNotActiveError(old.prefix);
      const graceS = request.body?.graceS ?? DEFAULT_ROTATION_GRACE_S;
      const issued = await app.auth.ingestKeys.rotate(id, graceS * 1000, actorName(request.actor), now());
      app.auth.invalidate();
      await app.recordAudit(request, {
        action: 'ingest-key.rotate',
        target: id,
        detail: { source: old.source, newKeyId: issued.ingestKey.id, graceS },
      });
      return reply.code(201).send(issued);
    },
  );

  app.post<{ Params: IdParams }>(
    '/admin/ingest-keys/:id/revoke',
    { preHandler: admin, schema: { params: IdParamsSchema, response: { 200: IngestKeySchema } } },
    async (request) => {
      const { id } = request.params;
      const revoked = await app.auth.ingestKeys.revoke(id, now());
      if (!revoked) throw new AuthRecordNotFoundError('ingest key', id);
      app.auth.invalidate();
      await app.recordAudit(request, {
        action: 'ingest-key.revoke',
        target: id,
        detail: { source: revoked.source },
      });
      return revoked;
    },
  );

  app.get<{ Querystring: AuditQuery }>(
    '/admin/audit',
    { preHandler: admin, schema: { querystring: AuditQuerySchema, response: { 200: AuditPageSchema } } },
    async (request) => ({ entries: await app.auth.audit.list(request.query) }),
  );
};
