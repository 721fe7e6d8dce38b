import type { Actor, IngestKey } from '@cbo/contracts';
import type { Database } from '../store/database';
import { createAuditLog, type AuditLog } from './audit-log';
import { createCredentialCache } from './credential-cache';
import { createIngestKeysRepository, isKeyActive, type IngestKeysRepository } from './ingest-keys-repository';
import { verifyPassword } from './password-hash';
import { looksLikeToken, hashToken } from './secret-token';
import { createSessionsRepository, type SessionsRepository } from './sessions-repository';
import { createUsersRepository, type UsersRepository } from './users-repository';
import { createWallTokensRepository, type WallTokensRepository } from './wall-tokens-repository';

/** A credential resolved to who holds it; `revoked` for a wall token that was revoked (the wall is told). */
export type ResolvedCredential =
  { status: 'valid'; actor: Actor; expiresAt: number | null } | { status: 'revoked' } | { status: 'invalid' };

/** Last-used times are written at most this often per credential, ms. */
const TOUCH_EVERY_MS = 60_000;

/** Users, sessions, wall tokens, ingest keys and the audit log, with cached credential look-ups. */
export interface AuthService {
  readonly users: UsersRepository;
  readonly sessions: SessionsRepository;
  readonly wallTokens: WallTokensRepository;
  readonly ingestKeys: IngestKeysRepository;
  readonly audit: AuditLog;
  /** A session cookie value to its actor. */
  resolveSession(token: string, now: number): Promise<ResolvedCredential>;
  /** A wall kiosk token to its actor (role `wall`, name = screen name). */
  resolveWallToken(token: string, now: number): Promise<ResolvedCredential>;
  /** An ingest key to its record when active, else null. */
  resolveIngestKey(key: string, now: number): Promise<IngestKey | null>;
  /** Checks a password; on success starts a session. Null for a wrong username, password or a disabled user. */
  signIn(
    username: string,
    password: string,
    now: number,
    ttlMs: number,
  ): Promise<{ actor: Actor; token: string; expiresAt: number } | null>;
  /** Forgets cached look-ups: call after any change to users, sessions, tokens or keys. */
  invalidate(): void;
}

/** The auth service over the embedded store. */
export function createAuthService(db: Database): AuthService {
  const users = createUsersRepository(db);
  const sessions = createSessionsRepository(db);
  const wallTokens = createWallTokensRepository(db);
  const ingestKeys = createIngestKeysRepository(db);
  const credentials = createCredentialCache<ResolvedCredential>();
  const keys = createCredentialCache<IngestKey | null>();
  const touchedAt = new Map<string, number>();

  function shouldTouch(id: string, now: number): boolean {
    const last = touchedAt.get(id);
    if (last !== undefined && now - last < TOUCH_EVERY_MS) return false;
    if (touchedAt.size > 10_000) touchedAt.clear();
    touchedAt.set(id, now);
    return true;
  }

  return {
    users,
    sessions,
    wallTokens,
    ingestKeys,
    audit: createAuditLog(db),
    async resolveSession(token, now) {
      if (!looksLikeToken(token, 'session')) return { status: 'invalid' };
      const cacheKey = hashToken(token);
      const cached = credentials.get(cacheKey, now);
      if (cached && (cached.status !== 'valid' || (cached.expiresAt ?? Infinity) > now)) return cached;
      const session = await sessions.resolve(token, now);
      const result: ResolvedCredential = session
        ? { status: 'valid', actor: session.actor, expiresAt: session.expiresAt }
        : { status: 'invalid' };
      credentials.set(cacheKey, result, now);
      return result;
    },
    async resolveWallToken(token, now) {
      if (!looksLikeToken(token, 'wall')) return { status: 'invalid' };
      const cacheKey = hashToken(token);
      const cached = credentials.get(cacheKey, now);
      if (cached) return cached;
      const record = await wallTokens.findByToken(token);
      let result: ResolvedCredential;
      if (!record) result = { status: 'invalid' };
      else if (record.revokedAt !== null) result = { status: 'revoked' };
      else {
        const actor: Actor = { id: `wall:${record.id}`, name: record.screenName, role: 'wall', kind: 'wall' };
        result = { status: 'valid', actor, expiresAt: null };
        if (shouldTouch(record.id, now)) await wallTokens.touch(record.id, now);
      }
      credentials.set(cacheKey, result, now);
      return result;
    },
    async resolveIngestKey(key, now) {
      if (!looksLikeToken(key, 'ingest')) return null;
      const cacheKey = hashToken(key);
      let record = keys.get(cacheKey, now);
      if (record === undefined) {
        record = await ingestKeys.findByKey(key);
        keys.set(cacheKey, record, now);
      }
      if (!record || !isKeyActive(record, now)) return null;
      if (shouldTouch(record.id, now)) await ingestKeys.touch(record.id, now);
      return record;
    },
    async signIn(username, password, now, ttlMs) {
      const user = await users.findByUsername(username);
      const ok = await verifyPassword(user?.passwordHash ?? null, password);
      if (!user || !ok || user.disabled) return null;
      await users.recordSignIn(user.id, now);
      const { token, expiresAt } = await sessions.create(user.id, now, ttlMs);
      const actor: Actor = { id: user.id, name: user.username, role: user.role, kind: 'user' };
      return { actor, token, expiresAt };
    },
    invalidate() {
      credentials.clear();
      keys.clear();
    },
  };
}
