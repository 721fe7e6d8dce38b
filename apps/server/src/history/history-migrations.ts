import type { Migration } from '../store/migrations';

/**
 * Tables of the history store. Rows arrive in time order, so DuckDB's per-block min/max (zone maps) on
 * `at_ms` / `observed_at_ms` prune time-range scans without a secondary index.
 */
export const HISTORY_MIGRATIONS: readonly Migration[] = [
  {
    id: '0007-history-tables',
    statements: [
      `CREATE TABLE history_frames (
        rseq BIGINT NOT NULL, seq BIGINT NOT NULL, at_ms BIGINT NOT NULL, kind UTINYINT NOT NULL,
        frame BLOB NOT NULL, tti DOUBLE, tpi DOUBLE, now_json VARCHAR)`,
      `CREATE TABLE history_observations (
        rseq BIGINT NOT NULL, segment_index INTEGER NOT NULL, observed_at_ms BIGINT NOT NULL,
        received_at_ms BIGINT NOT NULL, speed_kmh FLOAT NOT NULL, flow_vph FLOAT, source VARCHAR NOT NULL)`,
      `CREATE TABLE history_events (
        rseq BIGINT NOT NULL, at_ms BIGINT NOT NULL, stream VARCHAR NOT NULL, kind VARCHAR NOT NULL,
        payload_json VARCHAR NOT NULL)`,
    ],
  },
  {
    // Per-frame index values (exact Float64) where `now_json` is not repeated (ADR 0015).
    id: '0015-history-now-values',
    statements: ['ALTER TABLE history_frames ADD COLUMN now_values BLOB'],
  },
];
