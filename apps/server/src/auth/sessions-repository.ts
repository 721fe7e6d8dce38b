import type { Actor, Role } from '@cbo/contracts';
import type { Database } from '../store/database';
import { generateToken, hashToken } from './secret-token';

/** A live session resolved to its user. */
export interface ResolvedSession {
  actor: Actor;
  expiresAt: number;
}

/** Sessions in the store, keyed by the SHA-256 of the cookie value. */
export interface SessionsRepository {
  /** Starts a session; returns the token for the cookie (the store keeps only its hash). */
  create(userId: string, now: number, ttlMs: number): Promise<{ token: string; expiresAt: number }>;
  /** The session's actor when the session is live and its user enabled; else null. */
  resolve(token: string, now: number): Promise<ResolvedSession | null>;
  delete(token: string): Promise<void>;
  deleteForUser(userId: string): Promise<void>;
  deleteExpired(now: number): Promise<void>;
}

/** Sessions over the embedded store. */
export function createSessionsRepository(db: Database): SessionsRepository {
  return {
    async create(userId, now, ttlMs) {
      const token = generateToken('session');
      const expiresAt = now + ttlMs;
      await db.run('INSERT INTO sessions VALUES ($1, $2, $3, $4)', [
        hashToken(token),
        userId,
        now,
        expiresAt,
      ]);
      return { token, expiresAt };
    },
    async resolve(token, now) {
      const rows = await db.all<{ id: string; username: string; role: Role; expires_at_ms: number }>(
        `SELECT u.id, u.username, u.role, s.expires_at_ms FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.token_hash = $1 AND s.expires_at_ms > $2 AND NOT u.disabled`,
        [hashToken(token), now],
      );
      const row = rows[0];
      if (!row) return null;
      return {
        actor: { id: row.id, name: row.username, role: row.role, kind: 'user' },
        expiresAt: Number(row.expires_at_ms),
      };
    },
    async delete(token) {
      await db.run('DELETE FROM sessions WHERE token_hash = $1', [hashToken(token)]);
    },
    async deleteForUser(userId) {
      await db.run('DELETE FROM sessions WHERE user_id = $1', [userId]);
    },
    async deleteExpired(now) {
      await db.run('DELETE FROM sessions WHERE expires_at_ms <= $1', [now]);
    },
  };
}
