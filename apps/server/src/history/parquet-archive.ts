import type { Database, Transaction } from '../store/database';
import type { RowCounts, TimeRange } from './history-store';

/** Columns of a day archive: one Parquet file, one row per frame, observation or event (`record`). */
export const ARCHIVE_COLUMNS = [
  'record',
  'range_from_ms',
  'range_to_ms',
  'rseq',
  'at_ms',
  'seq',
  'kind',
  'frame',
  'tti',
  'tpi',
  'now_json',
  'segment_index',
  'received_at_ms',
  'speed_kmh',
  'flow_vph',
  'source',
  'stream',
  'event_kind',
  'payload_json',
  'now_values',
] as const;

/** Columns an older archive may lack (read as NULL). */
const OPTIONAL_COLUMNS: readonly string[] = ['now_values'];

function quote(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * The SELECT that writes an archive of `range`: frames, observations (by observed time) and events, each row
 * stamped with the range so an archive knows its day even where it is empty.
 */
export function archiveSelect({ from, to }: TimeRange): string {
  const range = `${from}::BIGINT AS range_from_ms, ${to}::BIGINT AS range_to_ms`;
  return `
    SELECT 'frame' AS record, ${range}, rseq, at_ms, seq, kind, frame, tti, tpi, now_json,
      NULL::INTEGER AS segment_index, NULL::BIGINT AS received_at_ms, NULL::FLOAT AS speed_kmh,
      NULL::FLOAT AS flow_vph, NULL::VARCHAR AS source, NULL::VARCHAR AS stream, NULL::VARCHAR AS event_kind,
      NULL::VARCHAR AS payload_json, now_values
    FROM history_frames WHERE at_ms >= ${from} AND at_ms < ${to}
    UNION ALL
    SELECT 'observation', ${range}, rseq, observed_at_ms, NULL, NULL, NULL, NULL, NULL, NULL,
      segment_index, received_at_ms, speed_kmh, flow_vph, source, NULL, NULL, NULL, NULL
    FROM history_observations WHERE observed_at_ms >= ${from} AND observed_at_ms < ${to}
    UNION ALL
    SELECT 'event', ${range}, rseq, at_ms, NULL, NULL, NULL, NULL, NULL, NULL,
      NULL, NULL, NULL, NULL, NULL, stream, kind, payload_json, NULL
    FROM history_events WHERE at_ms >= ${from} AND at_ms < ${to}
    ORDER BY record, at_ms, rseq`;
}

/** Thrown when an archive cannot be read; names the file and what is wrong. */
export class HistoryArchiveError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`history archive ${file} cannot be read: ${reason}`);
    this.name = 'HistoryArchiveError';
  }
}

async function insertFromArchive(tx: Transaction, source: string, hasValues: boolean): Promise<void> {
  const base = (table: string) => `(SELECT coalesce(max(rseq), 0) FROM ${table})`;
  const renumber = (record: string, table: string) =>
    `${base(table)} + rseq - (SELECT min(rseq) FROM ${source} WHERE record = '${record}') + 1`;
  await tx.run(`INSERT INTO history_frames
    SELECT ${renumber('frame', 'history_frames')}, seq, at_ms, kind, frame, tti, tpi, now_json,
      ${hasValues ? 'now_values' : 'NULL::BLOB'} FROM ${source} WHERE record = 'frame' ORDER BY at_ms, rseq`);
  await tx.run(`INSERT INTO history_observations
    SELECT ${renumber('observation', 'history_observations')}, segment_index, at_ms, received_at_ms, speed_kmh,
      flow_vph, source FROM ${source} WHERE record = 'observation' ORDER BY at_ms, rseq`);
  await tx.run(`INSERT INTO history_events
    SELECT ${renumber('event', 'history_events')}, at_ms, stream, event_kind, payload_json
    FROM ${source} WHERE record = 'event' ORDER BY at_ms, rseq`);
}

/**
 * Imports an archive into the store in one transaction: what the store held in the archive's range is
 * replaced; recorder sequence numbers are renumbered after the store's own, keeping their order.
 * @throws HistoryArchiveError when the file is missing, truncated or lacks the archive's columns
 */
export async function readArchive(db: Database, path: string): Promise<RowCounts & TimeRange> {
  const source = `read_parquet(${quote(path)})`;
  let summary: Record<string, unknown>;
  let hasValues = false;
  try {
    const columns = await db.all<{ column_name: string }>(
      `SELECT column_name FROM (DESCRIBE SELECT * FROM ${source})`,
    );
    const names = new Set(columns.map((c) => c.column_name));
    const missing = ARCHIVE_COLUMNS.filter((name) => !names.has(name) && !OPTIONAL_COLUMNS.includes(name));
    hasValues = names.has('now_values');
    if (missing.length > 0) throw new Error(`missing columns ${missing.join(', ')}`);
    [summary = {}] = await db.all(`SELECT min(range_from_ms) AS f, max(range_to_ms) AS t,
      count(*) FILTER (record = 'frame') AS frames, count(*) FILTER (record = 'observation') AS observations,
      count(*) FILTER (record = 'event') AS events FROM ${source}`);
  } catch (error) {
    throw new HistoryArchiveError(path, (error as Error).message.split('\n')[0] ?? 'unreadable');
  }
  const from = Number(summary['f']);
  const to = Number(summary['t']);
  if (!(to > from)) throw new HistoryArchiveError(path, 'the archive is empty');
  try {
    await db.transaction(async (tx) => {
      await tx.run('DELETE FROM history_frames WHERE at_ms >= $1 AND at_ms < $2', [from, to]);
      await tx.run('DELETE FROM history_observations WHERE observed_at_ms >= $1 AND observed_at_ms < $2', [
        from,
        to,
      ]);
      await tx.run('DELETE FROM history_events WHERE at_ms >= $1 AND at_ms < $2', [from, to]);
      await insertFromArchive(tx, source, hasValues);
    });
  } catch (error) {
    throw new HistoryArchiveError(path, (error as Error).message.split('\n')[0] ?? 'unreadable');
  }
  return {
    from,
    to,
    frames: Number(summary['frames']),
    observations: Number(summary['observations']),
    events: Number(summary['events']),
  };
}
