import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'cbo_session';
/** Name of the cookie holding a wall kiosk token (set once from `/wall?token=...`). */
export const WALL_COOKIE = 'cbo_wall';
/** Lifetime of the wall cookie: 400 days, the most browsers keep a cookie; revocation ends it sooner. */
export const WALL_COOKIE_MAX_AGE_S = 400 * 86_400;

/** Whether the cookie gets `Secure`: always, never, or when the request came over https. */
function isSecure(request: FastifyRequest, setting: AppConfig['COOKIE_SECURE']): boolean {
  if (setting === 'always') return true;
  if (setting === 'never') return false;
  return request.protocol === 'https';
}

/** Sets the session cookie: HttpOnly, SameSite=Strict, Secure over https, path /, expiring with the session. */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expiresAt: number,
  config: AppConfig,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: isSecure(request, config.COOKIE_SECURE),
    path: '/',
    expires: new Date(expiresAt),
  });
}

/** Sets the wall cookie: HttpOnly, SameSite=Strict, Secure over https, path /, 400 days. */
export function setWallCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  config: AppConfig,
): void {
  reply.setCookie(WALL_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: isSecure(request, config.COOKIE_SECURE),
    path: '/',
    maxAge: WALL_COOKIE_MAX_AGE_S,
  });
}

/** Clears the session cookie. */
export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply, config: AppConfig): void {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    secure: isSecure(request, config.COOKIE_SECURE),
    path: '/',
  });
}

/** The bearer token of an `Authorization: Bearer ...` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}
