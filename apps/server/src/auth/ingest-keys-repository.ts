import { randomUUID } from 'node:crypto';
import type { IngestFeed, IngestKey } from '@cbo/contracts';
import type { Database, Row } from '../store/database';
import { generateToken, hashToken, tokenDisplayPrefix } from './secret-token';

/** A key and its secret, returned once when it is made. */
export interface IssuedKey {
  ingestKey: IngestKey;
  key: string;
}

/**
 * Per-source ingest keys (SHA-256 only). Rotation issues a new key for the same source and feeds and lets the
 * old one live until a grace period ends, so senders switch without downtime: two keys valid meanwhile.
 */
export interface IngestKeysRepository {
  create(input: { source: string; feeds: IngestFeed[] }, createdBy: string, now: number): Promise<IssuedKey>;
  findByKey(key: string): Promise<IngestKey | null>;
  findById(id: string): Promise<IngestKey | null>;
  list(): Promise<IngestKey[]>;
  /** New key for the same source and feeds; the old one expires at `now + graceMs` (sooner if already set). */
  rotate(id: string, graceMs: number, createdBy: string, now: number): Promise<IssuedKey>;
  revoke(id: string, now: number): Promise<IngestKey | null>;
  touch(id: string, now: number): Promise<void>;
}

/** True when the key is neither revoked nor past its rotation expiry. */
export function isKeyActive(key: IngestKey, now: number): boolean {
  return key.revokedAt === null && (key.expiresAt === null || key.expiresAt > now);
}

const COLUMNS =
  'id, prefix, source, feeds, created_at_ms, created_by, last_used_at_ms, expires_at_ms, revoked_at_ms';

function nullableMs(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

function toIngestKey(row: Row): IngestKey {
  return {
    id: String(row['id']),
    prefix: String(row['prefix']),
    source: String(row['source']),
    feeds: JSON.parse(String(row['feeds'])) as IngestFeed[],
    createdAt: Number(row['created_at_ms']),
    createdBy: String(row['created_by']),
    lastUsedAt: nullableMs(row['last_used_at_ms']),
    expiresAt: nullableMs(row['expires_at_ms']),
    revokedAt: nullableMs(row['revoked_at_ms']),
  };
}

/** Ingest keys over the embedded store. */
export function createIngestKeysRepository(db: Database): IngestKeysRepository {
  async function findOne(where: string, value: string): Promise<IngestKey | null> {
    const rows = await db.all(`SELECT ${COLUMNS} FROM ingest_keys WHERE ${where} = $1`, [value]);
    return rows[0] ? toIngestKey(rows[0]) : null;
  }
  async function insert(
    source: string,
    feeds: IngestFeed[],
    createdBy: string,
    now: number,
  ): Promise<IssuedKey> {
    const key = generateToken('ingest');
    const ingestKey: IngestKey = {
      id: randomUUID(),
      source,
      feeds,
      prefix: tokenDisplayPrefix(key, 'ingest'),
      createdAt: now,
      createdBy,
      lastUsedAt: null,
      expiresAt: null,
      revokedAt: null,
    };
    await db.run(
      `INSERT INTO ingest_keys (id, key_hash, prefix, source, feeds, created_at_ms, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [ingestKey.id, hashToken(key), ingestKey.prefix, source, JSON.stringify(feeds), now, createdBy],
    );
    return { ingestKey, key };
  }
  return {
    create: ({ source, feeds }, createdBy, now) => insert(source, feeds, createdBy, now),
    findByKey: (key) => findOne('key_hash', hashToken(key)),
    findById: (id) => findOne('id', id),
    async list() {
      const rows = await db.all(`SELECT ${COLUMNS} FROM ingest_keys ORDER BY source, created_at_ms DESC`);
      return rows.map(toIngestKey);
    },
    async rotate(id, graceMs, createdBy, now) {
      const old = await findOne('id', id);
      if (!old) throw new Error(`no ingest key ${id}`);
      const issued = await insert(old.source, old.feeds, createdBy, now);
      await db.run(
        'UPDATE ingest_keys SET expires_at_ms = least(coalesce(expires_at_ms, $2), $2) WHERE id = $1',
        [id, now + graceMs],
      );
      return issued;
    },
    async revoke(id, now) {
      await db.run('UPDATE ingest_keys SET revoked_at_ms = coalesce(revoked_at_ms, $2) WHERE id = $1', [
        id,
        now,
      ]);
      return findOne('id', id);
    },
    async touch(id, now) {
      await db.run('UPDATE ingest_keys SET last_used_at_ms = $2 WHERE id = $1', [id, now]);
    },
  };
}
