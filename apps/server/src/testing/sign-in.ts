import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Actor, IngestFeed, Role } from '@cbo/contracts';
import { SESSION_COOKIE, WALL_COOKIE } from '../auth/session-cookie';
import { generatePassword } from '../auth/secret-token';

/** A signed-in test actor: a `cookie` header value and who it is. */
export interface TestSignIn {
  /** Use as `app.inject({ headers: { cookie } })` or socket.io-client `extraHeaders: { cookie }`. */
  cookie: string;
  actor: Actor;
}

/**
 * Signs in as a new actor of `role` on a test app: for admin, officer and analyst a fresh user with a one-hour
 * session in the session cookie; for wall a fresh kiosk token in the wall cookie.
 */
export async function signInAs(app: FastifyInstance, role: Role): Promise<TestSignIn> {
  const now = Date.now();
  if (role === 'wall') {
    const screenName = `test-wall-${randomBytes(4).toString('hex')}`;
    const { wallToken, token } = await app.auth.wallTokens.issue(screenName, 'test', now);
    const actor: Actor = { id: `wall:${wallToken.id}`, name: screenName, role: 'wall', kind: 'wall' };
    return { cookie: `${WALL_COOKIE}=${token}`, actor };
  }
  const username = `test-${role}-${randomBytes(4).toString('hex')}`;
  const password = generatePassword();
  const user = await app.auth.users.create({ username, password, role }, now);
  if (!user) throw new Error(`test user ${username} exists already`);
  const { token } = await app.auth.sessions.create(user.id, now, 3_600_000);
  return { cookie: `${SESSION_COOKIE}=${token}`, actor: { id: user.id, name: username, role, kind: 'user' } };
}

/**
 * Creates an ingest key for a test source and returns the key: send it as `headers: { 'x-api-key': key }`
 * (or `authorization: Bearer <key>`). The source name recorded for accepted observations is `source`.
 */
export async function createTestIngestKey(
  app: FastifyInstance,
  feeds: readonly IngestFeed[] = ['traffic'],
  source = 'test-source',
): Promise<string> {
  const { key } = await app.auth.ingestKeys.create({ source, feeds: [...feeds] }, 'test', Date.now());
  return key;
}
