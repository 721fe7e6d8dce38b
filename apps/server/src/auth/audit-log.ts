import type { AuditAction, AuditEntry, AuditQuery, Role } from '@cbo/contracts';
import type { Database, Row } from '../store/database';

/** An entry before the store numbers it. */
export type NewAuditEntry = Omit<AuditEntry, 'seq'>;

/** The audit log: append and read only; nothing in the app updates or deletes an entry. */
export interface AuditLog {
  append(entry: NewAuditEntry): Promise<void>;
  /** Newest first, at most `limit` (default 100), before `beforeSeq` when given, of one action when given. */
  list(query: AuditQuery): Promise<AuditEntry[]>;
}

function toEntry(row: Row): AuditEntry {
  return {
    seq: Number(row['seq']),
    at: Number(row['at_ms']),
    action: row['action'] as AuditAction,
    actorId: row['actor_id'] === null ? null : String(row['actor_id']),
    actorName: String(row['actor_name']),
    actorRole: row['actor_role'] === null ? null : (row['actor_role'] as Role),
    sourceAddress: String(row['source_address']),
    target: String(row['target']),
    detail: JSON.parse(String(row['detail'])) as AuditEntry['detail'],
  };
}

/** The audit log over the embedded store. */
export function createAuditLog(db: Database): AuditLog {
  return {
    async append(entry) {
      await db.run(
        `INSERT INTO audit_log (at_ms, action, actor_id, actor_name, actor_role, source_address, target, detail)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          entry.at,
          entry.action,
          entry.actorId,
          entry.actorName,
          entry.actorRole,
          entry.sourceAddress,
          entry.target,
          JSON.stringify(entry.detail),
        ],
      );
    },
    async list({ beforeSeq, limit = 100, action }) {
      const rows = await db.all(
        `SELECT * FROM audit_log WHERE seq < $1 AND ($2 IS NULL OR action = $2) ORDER BY seq DESC LIMIT $3`,
        [beforeSeq ?? Number.MAX_SAFE_INTEGER, action ?? null, limit],
      );
      return rows.map(toEntry);
    },
  };
}
