import type { FastifyPluginAsync } from 'fastify';
import {
  ROLES,
  SessionInfoSchema,
  SignInRequestSchema,
  WallSignInRequestSchema,
  type SessionInfo,
  type SignInRequest,
  type WallSignInRequest,
} from '@cbo/contracts';
import { SignInFailedError, UnauthenticatedError, WallTokenRevokedError } from '../auth/auth-errors';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie, setWallCookie } from '../auth/session-cookie';

/** Largest sign-in body, bytes. */
const AUTH_BODY_LIMIT_BYTES = 4096;

/**
 * `POST /auth/sign-in` (username and password; sets the session cookie; rate-limited per address),
 * `POST /auth/wall-sign-in` (a wall kiosk token; sets the long-lived wall cookie),
 * `POST /auth/sign-out`, `GET /auth/me` (who is signed in: a user or a wall).
 */
export const authRoutes: FastifyPluginAsync = async (app) => {
  const ttlMs = Math.round(app.config.SESSION_TTL_HOURS * 3_600_000);

  app.post<{ Body: SignInRequest }>(
    '/auth/sign-in',
    {
      bodyLimit: AUTH_BODY_LIMIT_BYTES,
      config: {
        access: 'public',
        rateLimit: { max: app.config.SIGN_IN_LIMIT_PER_MIN, timeWindow: 60_000 },
      },
      schema: { body: SignInRequestSchema, response: { 200: SessionInfoSchema } },
    },
    async (request, reply): Promise<SessionInfo> => {
      const { username, password } = request.body;
      const session = await app.auth.signIn(username, password, Date.now(), ttlMs);
      if (!session) {
        await app.recordAudit(request, {
          action: 'auth.sign-in-failed',
          target: username.slice(0, 32),
          detail: {},
        });
        throw new SignInFailedError();
      }
      request.actor = session.actor;
      await app.recordAudit(request, { action: 'auth.sign-in', target: session.actor.id });
      setSessionCookie(request, reply, session.token, session.expiresAt, app.config);
      return { actor: session.actor, expiresAt: session.expiresAt };
    },
  );

  app.post<{ Body: WallSignInRequest }>(
    '/auth/wall-sign-in',
    {
      bodyLimit: AUTH_BODY_LIMIT_BYTES,
      config: {
        access: 'public',
        rateLimit: { max: app.config.SIGN_IN_LIMIT_PER_MIN, timeWindow: 60_000 },
      },
      schema: { body: WallSignInRequestSchema, response: { 200: SessionInfoSchema } },
    },
    async (request, reply): Promise<SessionInfo> => {
      const credential = await app.auth.resolveWallToken(request.body.token, Date.now());
      if (credential.status === 'revoked') throw new WallTokenRevokedError();
      if (credential.status !== 'valid') {
        await app.recordAudit(request, { action: 'auth.sign-in-failed', target: 'wall-token' });
        throw new UnauthenticatedError();
      }
      request.actor = credential.actor;
      await app.recordAudit(request, { action: 'auth.sign-in', target: credential.actor.id });
      setWallCookie(request, reply, request.body.token, app.config);
      return { actor: credential.actor, expiresAt: null };
    },
  );

  app.post(
    '/auth/sign-out',
    { bodyLimit: AUTH_BODY_LIMIT_BYTES, preHandler: app.requireRole(...ROLES) },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token && request.actor?.kind === 'user') {
        await app.auth.sessions.delete(token);
        app.auth.invalidate();
        await app.recordAudit(request, { action: 'auth.sign-out', target: request.actor.id });
      }
      clearSessionCookie(request, reply, app.config);
      return reply.code(204).send();
    },
  );

  app.get(
    '/auth/me',
    { preHandler: app.requireRole(...ROLES), schema: { response: { 200: SessionInfoSchema } } },
    async (request): Promise<SessionInfo> => {
      const actor = request.actor;
      if (!actor) throw new Error('requireRole let an anonymous request through');
      if (actor.kind === 'wall') return { actor, expiresAt: null };
      const token = request.cookies[SESSION_COOKIE];
      const session = token ? await app.auth.resolveSession(token, Date.now()) : null;
      return { actor, expiresAt: session?.status === 'valid' ? session.expiresAt : null };
    },
  );
};
