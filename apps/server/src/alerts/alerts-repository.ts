import type { AlertRule, Silence, StoredRule } from '@cbo/contracts';
import type { RuleEngineState } from '@cbo/alerts';
import type { Database } from '../store/database';

/** Rules (every version kept), silences and the rule engine's state in the embedded store. */
export interface AlertsRepository {
  /** The newest version of every rule. */
  loadRules(): Promise<StoredRule[]>;
  /** Every stored version of one rule, oldest first. */
  loadRuleVersions(id: string): Promise<StoredRule[]>;
  saveRule(stored: StoredRule): Promise<void>;
  loadSilences(): Promise<Silence[]>;
  saveSilence(silence: Silence): Promise<void>;
  deleteSilence(id: string): Promise<void>;
  loadEngineState(): Promise<RuleEngineState | null>;
  saveEngineState(state: RuleEngineState, at: number): Promise<void>;
}

interface RuleRow {
  [key: string]: unknown;
  body: string;
  saved_at_ms: number;
  saved_by: string;
}

const toStored = (row: RuleRow): StoredRule => ({
  rule: JSON.parse(row.body) as AlertRule,
  savedAt: row.saved_at_ms,
  savedBy: row.saved_by,
});

/** The repository over `db` (migrated with ALERTS_MIGRATIONS). */
export function createAlertsRepository(db: Database): AlertsRepository {
  return {
    async loadRules() {
      const rows = await db.all<RuleRow>(
        `SELECT body, saved_at_ms, saved_by FROM alert_rule_versions v
         WHERE version = (SELECT max(version) FROM alert_rule_versions w WHERE w.id = v.id) ORDER BY id`,
      );
      return rows.map(toStored);
    },
    async loadRuleVersions(id) {
      const rows = await db.all<RuleRow>(
        'SELECT body, saved_at_ms, saved_by FROM alert_rule_versions WHERE id = $1 ORDER BY version',
        [id],
      );
      return rows.map(toStored);
    },
    saveRule: (stored) =>
      db.run('INSERT INTO alert_rule_versions VALUES ($1, $2, $3, $4, $5)', [
        stored.rule.id,
        stored.rule.version,
        JSON.stringify(stored.rule),
        stored.savedAt,
        stored.savedBy,
      ]),
    async loadSilences() {
      const rows = await db.all<{ body: string }>('SELECT body FROM alert_silences ORDER BY id');
      return rows.map((row) => JSON.parse(row.body) as Silence);
    },
    saveSilence: (silence) =>
      db.transaction(async (tx) => {
        await tx.run('DELETE FROM alert_silences WHERE id = $1', [silence.id]);
        await tx.run('INSERT INTO alert_silences VALUES ($1, $2)', [silence.id, JSON.stringify(silence)]);
      }),
    deleteSilence: (id) => db.run('DELETE FROM alert_silences WHERE id = $1', [id]),
    async loadEngineState() {
      const rows = await db.all<{ body: string }>('SELECT body FROM alert_engine_state LIMIT 1');
      return rows[0] === undefined ? null : (JSON.parse(rows[0].body) as RuleEngineState);
    },
    saveEngineState: (state, at) =>
      db.transaction(async (tx) => {
        await tx.run('DELETE FROM alert_engine_state');
        await tx.run('INSERT INTO alert_engine_state VALUES ($1, $2)', [JSON.stringify(state), at]);
      }),
  };
}
