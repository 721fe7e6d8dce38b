import { randomUUID } from 'node:crypto';
import type { WallToken } from '@cbo/contracts';
import type { Database, Row } from '../store/database';
import { generateToken, hashToken } from './secret-token';

/** Wall kiosk tokens in the store (SHA-256 of the token only). */
export interface WallTokensRepository {
  issue(screenName: string, createdBy: string, now: number): Promise<{ wallToken: WallToken; token: string }>;
  /** The token's record (revoked ones too, so the wall can be told), or null when unknown. */
  findByToken(token: string): Promise<WallToken | null>;
  findById(id: string): Promise<WallToken | null>;
  list(): Promise<WallToken[]>;
  /** Returns the revoked token, or null when unknown. Revoking twice keeps the first time. */
  revoke(id: string, now: number): Promise<WallToken | null>;
  touch(id: string, now: number): Promise<void>;
}

const COLUMNS = 'id, screen_name, created_at_ms, created_by, last_used_at_ms, revoked_at_ms';

function nullableMs(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

function toWallToken(row: Row): WallToken {
  return {
    id: String(row['id']),
    screenName: String(row['screen_name']),
    createdAt: Number(row['created_at_ms']),
    createdBy: String(row['created_by']),
    lastUsedAt: nullableMs(row['last_used_at_ms']),
    revokedAt: nullableMs(row['revoked_at_ms']),
  };
}

/** Wall tokens over the embedded store. */
export function createWallTokensRepository(db: Database): WallTokensRepository {
  async function findOne(where: string, value: string): Promise<WallToken | null> {
    const rows = await db.all(`SELECT ${COLUMNS} FROM wall_tokens WHERE ${where} = $1`, [value]);
    return rows[0] ? toWallToken(rows[0]) : null;
  }
  return {
    async issue(screenName, createdBy, now) {
      const token = generateToken('wall');
      const id = randomUUID();
      await db.run(
        `INSERT INTO wall_tokens (id, token_hash, screen_name, created_at_ms, created_by)
         VALUES ($1, $2, $3, $4, $5)`,
        [id, hashToken(token), screenName, now, createdBy],
      );
      const wallToken: WallToken = {
        id,
        screenName,
        createdAt: now,
        createdBy,
        lastUsedAt: null,
        revokedAt: null,
      };
      return { wallToken, token };
    },
    findByToken: (token) => findOne('token_hash', hashToken(token)),
    findById: (id) => findOne('id', id),
    async list() {
      const rows = await db.all(`SELECT ${COLUMNS} FROM wall_tokens ORDER BY created_at_ms DESC`);
      return rows.map(toWallToken);
    },
    async revoke(id, now) {
      await db.run('UPDATE wall_tokens SET revoked_at_ms = coalesce(revoked_at_ms, $2) WHERE id = $1', [
        id,
        now,
      ]);
      return findOne('id', id);
    },
    async touch(id, now) {
      await db.run('UPDATE wall_tokens SET last_used_at_ms = $2 WHERE id = $1', [id, now]);
    },
  };
}
