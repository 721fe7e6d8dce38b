import type { Migration } from '../store/migrations';

/**
 * Tables of users, sessions, wall tokens, ingest keys and the audit log. Secrets are never stored: passwords as
 * Argon2id PHC strings, tokens and keys as SHA-256. The audit log is append-only (the app only inserts).
 */
export const AUTH_MIGRATIONS: readonly Migration[] = [
  {
    id: '0008-auth',
    statements: [
      `CREATE TABLE users (
        id VARCHAR PRIMARY KEY, username VARCHAR NOT NULL UNIQUE, role VARCHAR NOT NULL,
        password_hash VARCHAR NOT NULL, disabled BOOLEAN NOT NULL, created_at_ms BIGINT NOT NULL,
        last_sign_in_at_ms BIGINT)`,
      `CREATE TABLE sessions (
        token_hash VARCHAR PRIMARY KEY, user_id VARCHAR NOT NULL, created_at_ms BIGINT NOT NULL,
        expires_at_ms BIGINT NOT NULL)`,
      `CREATE TABLE wall_tokens (
        id VARCHAR PRIMARY KEY, token_hash VARCHAR NOT NULL UNIQUE, screen_name VARCHAR NOT NULL,
        created_at_ms BIGINT NOT NULL, created_by VARCHAR NOT NULL, last_used_at_ms BIGINT, revoked_at_ms BIGINT)`,
      `CREATE TABLE ingest_keys (
        id VARCHAR PRIMARY KEY, key_hash VARCHAR NOT NULL UNIQUE, prefix VARCHAR NOT NULL, source VARCHAR NOT NULL,
        feeds VARCHAR NOT NULL, created_at_ms BIGINT NOT NULL, created_by VARCHAR NOT NULL, last_used_at_ms BIGINT,
        expires_at_ms BIGINT, revoked_at_ms BIGINT)`,
      'CREATE SEQUENCE audit_log_seq START 1',
      `CREATE TABLE audit_log (
        seq BIGINT PRIMARY KEY DEFAULT nextval('audit_log_seq'), at_ms BIGINT NOT NULL, action VARCHAR NOT NULL,
        actor_id VARCHAR, actor_name VARCHAR NOT NULL, actor_role VARCHAR, source_address VARCHAR NOT NULL,
        target VARCHAR NOT NULL, detail VARCHAR NOT NULL)`,
    ],
  },
];
