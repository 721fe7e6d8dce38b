import type { Migration } from '../store/migrations';

/**
 * Tables of alerts and cases. Mutable rows (engine state, silences, cases) have no key constraint and are
 * replaced with DELETE + INSERT inside a transaction; append-only rows (rule versions, case events) are keyed.
 */
export const ALERTS_MIGRATIONS: readonly Migration[] = [
  {
    id: '0006-alerts-and-cases',
    statements: [
      `CREATE TABLE alert_rule_versions (
        id VARCHAR NOT NULL, version INTEGER NOT NULL, body VARCHAR NOT NULL,
        saved_at_ms BIGINT NOT NULL, saved_by VARCHAR NOT NULL, PRIMARY KEY (id, version))`,
      'CREATE TABLE alert_silences (id VARCHAR NOT NULL, body VARCHAR NOT NULL)',
      'CREATE TABLE alert_engine_state (body VARCHAR NOT NULL, saved_at_ms BIGINT NOT NULL)',
      `CREATE TABLE cases (
        id VARCHAR NOT NULL, revision INTEGER NOT NULL, status VARCHAR NOT NULL,
        detected_at_ms BIGINT NOT NULL, body VARCHAR NOT NULL)`,
      `CREATE TABLE case_events (
        case_id VARCHAR NOT NULL, revision INTEGER NOT NULL, at_ms BIGINT NOT NULL, body VARCHAR NOT NULL,
        PRIMARY KEY (case_id, revision))`,
    ],
  },
];
