import fp from 'fastify-plugin';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Actor, AuditAction, AuditEntry, IngestFeed, IngestKey, Role } from '@cbo/contracts';
import {
  ForbiddenError,
  IngestFeedForbiddenError,
  IngestKeyInvalidError,
  TooManyRequestsError,
  UnauthenticatedError,
  WallTokenRevokedError,
  CrossOriginError,
} from '../auth/auth-errors';
import { createAuthService, type AuthService, type ResolvedCredential } from '../auth/auth-service';
import { ensureFirstAdmin, printFirstAdmin, type AnnounceFirstAdmin } from '../auth/first-admin';
import { createOriginPolicy } from '../auth/origin-policy';
import {
  checkBeforeParsing,
  createRouteAccessTable,
  tagAccess,
  type RouteAccessEntry,
} from '../auth/route-access';
import { bearerToken, SESSION_COOKIE, WALL_COOKIE } from '../auth/session-cookie';
import { createSocketAccess, type SocketAccess } from '../auth/socket-access';

/** What a caller records in the audit log; actor, time and source address come from the request. */
export interface AuditRecord {
  action: AuditAction;
  /** What was acted on: a user id, case id, rule id, export name... */
  target: string;
  detail?: AuditEntry['detail'];
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling (session cookie or wall token), or null; set before every /api/ route's preHandlers. */
    actor: Actor | null;
    /** The ingest key of an ingest request, set by `app.requireIngestKey`. */
    ingestKey: IngestKey | null;
  }
  interface FastifyInstance {
    /** Users, sessions, wall tokens, ingest keys and the audit log. */
    auth: AuthService;
    /** A preHandler: 401 without valid credentials, 403 for a role not listed. */
    requireRole(...roles: Role[]): preHandlerAsyncHookHandler;
    /** A preHandler: 401 without a valid ingest key, 403 when the key may not write `feed`. */
    requireIngestKey(feed: IngestFeed): preHandlerAsyncHookHandler;
    /** Appends to the audit log with the request's actor, time and source address. */
    recordAudit(request: FastifyRequest, record: AuditRecord): Promise<void>;
    /** Socket.IO handshake authentication and client event declarations. */
    socketAccess: SocketAccess;
    /** Every route with the access it declares (filled as routes register). */
    routeAccess: readonly RouteAccessEntry[];
  }
}

/** Options of {@link authPlugin}. */
export interface AuthPluginOptions {
  /** Shows the first admin's one-time password; default: printed to stderr. */
  announceFirstAdmin?: AnnounceFirstAdmin;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Authentication and authorisation: session cookies, wall kiosk tokens, ingest keys, role checks on routes and
 * socket events, the first admin, rate limiting and the same-origin policy. See docs/security.md.
 */
export const authPlugin = fp<AuthPluginOptions>(
  async (app, options) => {
    const config = app.config;
    const auth = createAuthService(app.store);
    const originAllowed = createOriginPolicy(config.CORS_ORIGINS);
    const routeTable = createRouteAccessTable();
    await app.register(fastifyCookie);
    await app.register(fastifyRateLimit, {
      global: false,
      errorResponseBuilder: (_request, context) => new TooManyRequestsError(Math.ceil(context.ttl / 1000)),
    });
    await ensureFirstAdmin(auth.users, {
      username: config.ADMIN_USERNAME,
      password: config.ADMIN_PASSWORD,
      announce: options.announceFirstAdmin ?? printFirstAdmin,
      now: Date.now(),
    });

    /** Credentials in order: a wall token as bearer (kiosk clients), the session cookie, the wall cookie. */
    async function resolveRequest(
      cookies: Record<string, string | undefined>,
      bearer: string | undefined,
    ): Promise<ResolvedCredential> {
      const now = Date.now();
      if (bearer?.startsWith('cbo_wall_')) return auth.resolveWallToken(bearer, now);
      const session = cookies[SESSION_COOKIE];
      if (session) {
        const resolved = await auth.resolveSession(session, now);
        if (resolved.status === 'valid' || !cookies[WALL_COOKIE]) return resolved;
      }
      const wall = cookies[WALL_COOKIE];
      if (wall) return auth.resolveWallToken(wall, now);
      return { status: 'invalid' };
    }

    app.decorate('auth', auth);
    app.decorate('routeAccess', routeTable.entries);
    app.decorateRequest('actor', null);
    app.decorateRequest('ingestKey', null);
    app.addHook('onRoute', (route) => {
      routeTable.add(route);
      checkBeforeParsing(route);
    });

    const credentialStatus = new WeakMap<FastifyRequest, ResolvedCredential['status']>();
    app.addHook('onRequest', async (request) => {
      if (!SAFE_METHODS.has(request.method) && !originAllowed(request.headers.origin, request.headers.host)) {
        throw new CrossOriginError();
      }
      if (!request.url.startsWith('/api/')) return;
      const credential = await resolveRequest(request.cookies, bearerToken(request.headers.authorization));
      credentialStatus.set(request, credential.status);
      if (credential.status === 'valid') request.actor = credential.actor;
    });

    app.decorate('requireRole', (...roles: Role[]) => {
      const allowed = roles.join(', ');
      const handler: preHandlerAsyncHookHandler = async (request) => {
        if (!request.actor) {
          throw credentialStatus.get(request) === 'revoked'
            ? new WallTokenRevokedError()
            : new UnauthenticatedError();
        }
        if (!roles.includes(request.actor.role)) throw new ForbiddenError(allowed);
      };
      return tagAccess(handler, { kind: 'roles', roles });
    });

    app.decorate('requireIngestKey', (feed: IngestFeed) => {
      const handler: preHandlerAsyncHookHandler = async (request) => {
        const header = request.headers['x-api-key'];
        const key =
          (typeof header === 'string' ? header : undefined) ?? bearerToken(request.headers.authorization);
        const record = key ? await auth.resolveIngestKey(key, Date.now()) : null;
        if (!record) throw new IngestKeyInvalidError();
        if (!record.feeds.includes(feed)) throw new IngestFeedForbiddenError(feed, record.feeds.join(', '));
        request.ingestKey = record;
      };
      return tagAccess(handler, { kind: 'ingest', feed });
    });

    app.decorate('recordAudit', async (request: FastifyRequest, record: AuditRecord) => {
      const actor = request.actor;
      await auth.audit.append({
        at: Date.now(),
        action: record.action,
        actorId: actor?.id ?? null,
        actorName: actor?.name ?? '(anonymous)',
        actorRole: actor?.role ?? null,
        sourceAddress: request.ip,
        target: record.target,
        detail: record.detail ?? {},
      });
    });

    app.decorate(
      'socketAccess',
      createSocketAccess({
        originAllowed,
        log: app.log.child({ module: 'socket-auth' }),
        authenticate: async (socket) => {
          const token: unknown = (socket.handshake.auth as Record<string, unknown> | undefined)?.['token'];
          const cookieHeader = socket.handshake.headers.cookie;
          const cookies = cookieHeader ? app.parseCookie(cookieHeader) : {};
          return resolveRequest(cookies, typeof token === 'string' ? token : undefined);
        },
      }),
    );
  },
  { name: 'cbo-auth', dependencies: ['cbo-config', 'cbo-store', 'cbo-error-handler'] },
);
