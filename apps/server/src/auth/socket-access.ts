import type { Socket } from 'socket.io';
import type { FastifyBaseLogger } from 'fastify';
import type { TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import type { Actor, Role } from '@cbo/contracts';
import type { ResolvedCredential } from './auth-service';

/** Who may emit a client event and the schema of each positional argument (an ack callback excluded). */
export interface SocketEventPolicy {
  roles: readonly Role[];
  /** One schema per argument; default none (the event takes no payload). */
  args?: readonly TSchema[];
}

/** Data the auth middleware puts on every accepted socket. */
export interface AuthSocketData {
  actor: Actor;
}

/** Error codes a refused handshake carries in `err.data.code` (client: `connect_error`). */
export type HandshakeRefusal =
  'CBO_ERR_UNAUTHENTICATED' | 'CBO_ERR_WALL_TOKEN_REVOKED' | 'CBO_ERR_CROSS_ORIGIN';

/** Socket.IO handshake authentication and per-event authorisation and payload validation. */
export interface SocketAccess {
  /** Declares a client event; undeclared events are refused for everyone. Call once per event name. */
  declare(event: string, policy: SocketEventPolicy): void;
  /** Declared events and their policies (the access test walks them). */
  readonly events: ReadonlyMap<string, SocketEventPolicy>;
  /** The `io.use` middleware: authenticates the handshake and guards every incoming packet. */
  middleware(socket: Socket, next: (error?: Error) => void): void;
  /** Disconnects the sockets of actors matching `predicate` (sign-out, revocation, user disabled). */
  disconnectWhere(predicate: (actor: Actor) => boolean): void;
}

export interface SocketAccessOptions {
  /** Resolves the handshake's credentials: `auth.token` (wall) or the session cookie. */
  authenticate(socket: Socket): Promise<ResolvedCredential>;
  /** True when the handshake's Origin header (if any) may connect. */
  originAllowed(origin: string | undefined, host: string | undefined): boolean;
  log: FastifyBaseLogger;
}

function refusal(code: HandshakeRefusal, message: string): Error {
  return Object.assign(new Error(message), { data: { code } });
}

/** Socket access as described by {@link SocketAccess}. */
export function createSocketAccess({ authenticate, originAllowed, log }: SocketAccessOptions): SocketAccess {
  const events = new Map<string, SocketEventPolicy>();
  const checks = new Map<string, readonly TypeCheck<TSchema>[]>();
  const sockets = new Set<Socket>();

  function deny(socket: Socket, event: string, code: string, ack: unknown): void {
    log.info({ socketId: socket.id, event, code }, 'socket event refused');
    socket.emit('auth:denied', { event, code });
    if (typeof ack === 'function') (ack as (answer: unknown) => void)({ error: code });
  }

  function guard(socket: Socket, actor: Actor): void {
    socket.use(([event, ...rest], next) => {
      const last = rest.at(-1);
      const ack = typeof last === 'function' ? last : undefined;
      const args = ack ? rest.slice(0, -1) : rest;
      const policy = events.get(event);
      if (!policy) return deny(socket, event, 'CBO_ERR_UNKNOWN_EVENT', ack);
      if (!policy.roles.includes(actor.role)) return deny(socket, event, 'CBO_ERR_FORBIDDEN', ack);
      const argChecks = checks.get(event) ?? [];
      const valid = args.length === argChecks.length && argChecks.every((check, i) => check.Check(args[i]));
      if (!valid) return deny(socket, event, 'CBO_ERR_BAD_PAYLOAD', ack);
      next();
    });
  }

  return {
    declare(event, policy) {
      if (events.has(event)) throw new Error(`socket event ${event} is declared twice`);
      events.set(event, policy);
      checks.set(
        event,
        (policy.args ?? []).map((schema) => TypeCompiler.Compile(schema)),
      );
    },
    events,
    middleware(socket, next) {
      const { origin, host } = socket.handshake.headers;
      if (!originAllowed(origin, host)) {
        next(refusal('CBO_ERR_CROSS_ORIGIN', 'Connections from another origin are not accepted'));
        return;
      }
      authenticate(socket).then(
        (credential) => {
          if (credential.status === 'revoked') {
            next(refusal('CBO_ERR_WALL_TOKEN_REVOKED', 'This wall token was revoked'));
            return;
          }
          if (credential.status !== 'valid') {
            next(refusal('CBO_ERR_UNAUTHENTICATED', 'Sign in first'));
            return;
          }
          (socket.data as AuthSocketData).actor = credential.actor;
          guard(socket, credential.actor);
          sockets.add(socket);
          socket.once('disconnect', () => sockets.delete(socket));
          next();
        },
        (error: unknown) => {
          log.error({ err: error }, 'socket authentication failed');
          next(refusal('CBO_ERR_UNAUTHENTICATED', 'Sign in first'));
        },
      );
    },
    disconnectWhere(predicate) {
      for (const socket of [...sockets]) {
        if (predicate((socket.data as AuthSocketData).actor)) socket.disconnect(true);
      }
    },
  };
}
