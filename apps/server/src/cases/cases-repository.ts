import type { Case, CaseEvent } from '@cbo/contracts';
import type { Database } from '../store/database';

/** Cases (current state) and their events (append-only) in the embedded store. */
export interface CasesRepository {
  /** Every case with its events, oldest case first. */
  loadAll(): Promise<{ cases: Case[]; events: CaseEvent[] }>;
  /** Stores a case's new state and the events that made it, in one transaction. */
  save(next: Case, events: readonly CaseEvent[]): Promise<void>;
}

/** The repository over `db` (migrated with ALERTS_MIGRATIONS). */
export function createCasesRepository(db: Database): CasesRepository {
  return {
    async loadAll() {
      const cases = await db.all<{ body: string }>('SELECT body FROM cases ORDER BY detected_at_ms, id');
      const events = await db.all<{ body: string }>(
        'SELECT body FROM case_events ORDER BY at_ms, case_id, revision',
      );
      return {
        cases: cases.map((row) => JSON.parse(row.body) as Case),
        events: events.map((row) => JSON.parse(row.body) as CaseEvent),
      };
    },
    save: (next, events) =>
      db.transaction(async (tx) => {
        await tx.run('DELETE FROM cases WHERE id = $1', [next.id]);
        await tx.run('INSERT INTO cases VALUES ($1, $2, $3, $4, $5)', [
          next.id,
          next.revision,
          next.status,
          next.detectedAt,
          JSON.stringify(next),
        ]);
        for (const event of events) {
          await tx.run('INSERT INTO case_events VALUES ($1, $2, $3, $4)', [
            event.caseId,
            event.revision,
            event.at,
            JSON.stringify(event),
          ]);
        }
      }),
  };
}
