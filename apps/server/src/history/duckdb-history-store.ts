import type { TrafficNow } from '@cbo/contracts';
import type { Database, Row } from '../store/database';
import { DOMAIN_STREAM } from './history-store';
import type {
  BucketCount,
  EventRecord,
  FrameRecord,
  HistoryStore,
  NextSequences,
  ObservationColumns,
  ObservationRecord,
  RowCounts,
  StoredFrameKind,
} from './history-store';
import { archiveSelect, readArchive } from './parquet-archive';
import { KEYFRAME_LOOKBACK_MS } from './replay-cursor';
import { rebaseIndices } from './indices-key';

const BUCKET_MS = 15 * 60_000;
const FRAME_COLUMNS = 'rseq, seq, at_ms, kind, frame, tti, tpi, now_json, now_values';

function toFrame(row: Row): FrameRecord {
  const json = row['now_json'] as string | null;
  let parsed: TrafficNow | null | undefined;
  return {
    rseq: Number(row['rseq']),
    seq: Number(row['seq']),
    at: Number(row['at_ms']),
    kind: Number(row['kind']) as StoredFrameKind,
    frame: new Uint8Array(row['frame'] as Uint8Array),
    tti: (row['tti'] as number | null) ?? null,
    tpi: (row['tpi'] as number | null) ?? null,
    hasNow: json !== null,
    values: row['now_values'] ? new Uint8Array(row['now_values'] as Uint8Array) : null,
    // Parsed on first use: a seek reads hundreds of frames and needs the indices of the last one only.
    get now(): TrafficNow | null {
      parsed ??= json ? (JSON.parse(json) as TrafficNow) : null;
      return parsed;
    },
  };
}

function toEvent(r: Row): EventRecord {
  return {
    seq: Number(r['rseq']),
    at: Number(r['at_ms']),
    stream: String(r['stream']),
    kind: String(r['kind']),
    payload: JSON.parse(String(r['payload_json'])) as unknown,
  };
}

function nullableNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** Single-quoted SQL string literal (COPY does not take parameters for its path). */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** The embedded history store on the app's DuckDB connection (tables of {@link HISTORY_MIGRATIONS}). */
export function createDuckDbHistoryStore(db: Database): HistoryStore {
  return {
    async nextSequences(): Promise<NextSequences> {
      const [row] = await db.all(`SELECT
        (SELECT coalesce(max(rseq), 0) FROM history_frames) AS frames,
        (SELECT coalesce(max(rseq), 0) FROM history_observations) AS observations,
        (SELECT coalesce(max(rseq), 0) FROM history_events) AS events`);
      return {
        frames: Number(row!['frames']) + 1,
        observations: Number(row!['observations']) + 1,
        events: Number(row!['events']) + 1,
      };
    },
    async appendFrames(frames) {
      if (frames.length === 0) return;
      await db.append('history_frames', (appender) => {
        for (const f of frames) {
          appender.appendBigInt(BigInt(f.rseq));
          appender.appendBigInt(BigInt(f.seq));
          appender.appendBigInt(BigInt(f.at));
          appender.appendUTinyInt(f.kind);
          appender.appendBlob(f.frame);
          if (f.tti === null) appender.appendNull();
          else appender.appendDouble(f.tti);
          if (f.tpi === null) appender.appendNull();
          else appender.appendDouble(f.tpi);
          if (f.now === null) appender.appendNull();
          else appender.appendVarchar(JSON.stringify(f.now));
          if (f.values === null) appender.appendNull();
          else appender.appendBlob(f.values);
          appender.endRow();
        }
      });
    },
    async appendObservations(c: ObservationColumns) {
      if (c.rseq.length === 0) return;
      await db.append('history_observations', (appender) => {
        for (let i = 0; i < c.rseq.length; i++) {
          appender.appendBigInt(BigInt(c.rseq[i]!));
          appender.appendInteger(c.segmentIndex[i]!);
          appender.appendBigInt(BigInt(c.observedAt[i]!));
          appender.appendBigInt(BigInt(c.receivedAt[i]!));
          appender.appendFloat(c.speedKmh[i]!);
          const flow = c.flowVph[i]!;
          if (Number.isNaN(flow)) appender.appendNull();
          else appender.appendFloat(flow);
          appender.appendVarchar(c.source[i]!);
          appender.endRow();
        }
      });
    },
    async appendObservationsCsv(path) {
      await db.run(
        `COPY history_observations FROM ${sqlString(path)} (FORMAT csv, HEADER false, DELIMITER ',', QUOTE '"', NULL '')`,
      );
    },
    async appendEvents(events) {
      if (events.length === 0) return;
      await db.append('history_events', (appender) => {
        for (const e of events) {
          appender.appendBigInt(BigInt(e.seq));
          appender.appendBigInt(BigInt(e.at));
          appender.appendVarchar(e.stream);
          appender.appendVarchar(e.kind);
          appender.appendVarchar(JSON.stringify(e.payload ?? null));
          appender.endRow();
        }
      });
    },
    async keyframeAtOrBefore(at, lookBackMs) {
      const rows = await db.all(
        `SELECT ${FRAME_COLUMNS} FROM history_frames WHERE kind = 0 AND at_ms <= $1 AND at_ms >= $2
         ORDER BY at_ms DESC, rseq DESC LIMIT 1`,
        [at, at - lookBackMs],
      );
      return rows[0] ? toFrame(rows[0]) : null;
    },
    async framesAfter(afterAt, afterRseq, untilAt, limit = 1_000_000) {
      const rows = await db.all(
        `SELECT ${FRAME_COLUMNS} FROM history_frames
         WHERE at_ms >= $1 AND at_ms <= $3 AND (at_ms > $1 OR rseq > $2)
         ORDER BY at_ms, rseq LIMIT $4`,
        [afterAt, afterRseq, untilAt, limit],
      );
      return rows.map(toFrame);
    },
    async neighbourFrameAt(at, direction, { from, to }) {
      const [row] =
        direction === 1
          ? await db.all('SELECT min(at_ms) AS at FROM history_frames WHERE at_ms > $1 AND at_ms < $2', [
              at,
              to,
            ])
          : await db.all('SELECT max(at_ms) AS at FROM history_frames WHERE at_ms < $1 AND at_ms >= $2', [
              at,
              from,
            ]);
      return nullableNumber(row?.['at']);
    },
    async indicesPerMinute({ from, to }) {
      const rows = await db.all(
        `SELECT (at_ms // 60000) * 60000 AS minute, arg_max(tti, at_ms) AS tti, arg_max(tpi, at_ms) AS tpi
         FROM history_frames WHERE at_ms >= $1 AND at_ms < $2 AND kind = 1
         GROUP BY minute ORDER BY minute`,
        [from, to],
      );
      return rows.map((r) => ({
        at: Number(r['minute']),
        tti: nullableNumber(r['tti']),
        tpi: nullableNumber(r['tpi']),
      }));
    },
    async nowPerMinute({ from, to }) {
      const [before] = await db.all(
        `SELECT at_ms, seq, now_json FROM history_frames WHERE at_ms < $1 AND at_ms >= $2
         AND now_json IS NOT NULL ORDER BY at_ms DESC, rseq DESC LIMIT 1`,
        [from, from - KEYFRAME_LOOKBACK_MS],
      );
      const rows = await db.all(
        `SELECT at_ms, seq, now_json, now_values FROM history_frames WHERE at_ms >= $1 AND at_ms < $2
         ORDER BY at_ms, rseq`,
        [from, to],
      );
      let base: { at: number; seq: number; json: string } | null = null;
      const stored = (row: Row | undefined) => {
        const json = row?.['now_json'] as string | null | undefined;
        if (row && json) base = { at: Number(row['at_ms']), seq: Number(row['seq']), json };
      };
      stored(before);
      type Last = {
        at: number;
        seq: number;
        values: Uint8Array | null;
        base: { at: number; seq: number; json: string };
      };
      const minutes = new Map<number, Last>();
      for (const row of rows) {
        stored(row);
        const at = Number(row['at_ms']);
        const values = row['now_values'] ? new Uint8Array(row['now_values'] as Uint8Array) : null;
        if (base) minutes.set(Math.floor(at / 60_000), { at, seq: Number(row['seq']), values, base });
      }
      const parsed = new Map<string, TrafficNow>();
      return [...minutes.values()].map(({ at, seq, values, base: b }) => {
        let now = parsed.get(b.json);
        if (!now) parsed.set(b.json, (now = JSON.parse(b.json) as TrafficNow));
        return at === b.at && seq === b.seq ? now : rebaseIndices(now, b.at, b.seq, at, seq, values);
      });
    },
    async events({ from, to }) {
      const rows = await db.all(
        `SELECT rseq, at_ms, stream, kind, payload_json FROM history_events
         WHERE at_ms >= $1 AND at_ms < $2 AND stream <> $3 ORDER BY at_ms, rseq`,
        [from, to, DOMAIN_STREAM],
      );
      return rows.map(toEvent);
    },
    async domainEvents({ from, to }) {
      const rows = await db.all(
        `SELECT rseq, at_ms, stream, kind, payload_json FROM history_events
         WHERE at_ms >= $1 AND at_ms < $2 AND stream = $3 ORDER BY at_ms, rseq`,
        [from, to, DOMAIN_STREAM],
      );
      return rows.map(toEvent);
    },
    async latestDomainEvents({ from, to }) {
      const rows = await db.all(
        `SELECT rseq, at_ms, stream, kind, payload_json FROM history_events
         WHERE at_ms >= $1 AND at_ms < $2 AND stream = $3
         QUALIFY row_number() OVER (PARTITION BY kind ORDER BY at_ms DESC, rseq DESC) = 1 ORDER BY kind`,
        [from, to, DOMAIN_STREAM],
      );
      return rows.map(toEvent);
    },
    async observations({ from, to }, segmentIndices): Promise<ObservationRecord[]> {
      const only =
        segmentIndices === undefined
          ? ''
          : `AND segment_index IN (${segmentIndices.map((i) => Math.trunc(i)).join(',') || 'NULL'})`;
      const rows = await db.all(
        `SELECT rseq, segment_index, observed_at_ms, received_at_ms, speed_kmh, flow_vph, source
         FROM history_observations WHERE observed_at_ms >= $1 AND observed_at_ms < $2 ${only}
         ORDER BY observed_at_ms, rseq`,
        [from, to],
      );
      return rows.map((r) => ({
        rseq: Number(r['rseq']),
        segmentIndex: Number(r['segment_index']),
        observedAt: Number(r['observed_at_ms']),
        receivedAt: Number(r['received_at_ms']),
        speedKmh: Number(r['speed_kmh']),
        flowVph: nullableNumber(r['flow_vph']),
        source: String(r['source']),
      }));
    },
    async bucketCounts(): Promise<BucketCount[]> {
      const rows = await db.all(`
        WITH f AS (SELECT at_ms // ${BUCKET_MS} AS b, count(*) AS n, count(*) FILTER (kind = 0) AS k,
                     min(at_ms) AS first_at, max(at_ms) AS last_at FROM history_frames GROUP BY b),
             o AS (SELECT observed_at_ms // ${BUCKET_MS} AS b, count(*) AS n FROM history_observations GROUP BY b),
             e AS (SELECT at_ms // ${BUCKET_MS} AS b, count(*) AS n FROM history_events GROUP BY b)
        SELECT coalesce(f.b, o.b, e.b) AS b, coalesce(f.n, 0) AS frames, coalesce(f.k, 0) AS keyframes,
               coalesce(o.n, 0) AS observations, coalesce(e.n, 0) AS events, f.first_at, f.last_at
        FROM f FULL OUTER JOIN o ON f.b = o.b FULL OUTER JOIN e ON coalesce(f.b, o.b) = e.b
        ORDER BY b`);
      return rows.map((r) => ({
        bucketStart: Number(r['b']) * BUCKET_MS,
        frames: Number(r['frames']),
        keyframes: Number(r['keyframes']),
        observations: Number(r['observations']),
        events: Number(r['events']),
        firstFrameAt: nullableNumber(r['first_at']),
        lastFrameAt: nullableNumber(r['last_at']),
      }));
    },
    async deleteRange({ from, to }) {
      await db.transaction(async (tx) => {
        await tx.run('DELETE FROM history_frames WHERE at_ms >= $1 AND at_ms < $2', [from, to]);
        await tx.run('DELETE FROM history_observations WHERE observed_at_ms >= $1 AND observed_at_ms < $2', [
          from,
          to,
        ]);
        await tx.run('DELETE FROM history_events WHERE at_ms >= $1 AND at_ms < $2', [from, to]);
      });
    },
    async deleteBefore(at) {
      await db.transaction(async (tx) => {
        await tx.run('DELETE FROM history_frames WHERE at_ms < $1', [at]);
        await tx.run('DELETE FROM history_observations WHERE observed_at_ms < $1', [at]);
        await tx.run('DELETE FROM history_events WHERE at_ms < $1', [at]);
      });
    },
    async exportParquet(range, path): Promise<RowCounts> {
      await db.run(
        `COPY (${archiveSelect(range)}) TO ${sqlString(path)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 100000)`,
      );
      const [row] = await db.all(
        `SELECT count(*) FILTER (record = 'frame') AS frames, count(*) FILTER (record = 'observation') AS observations,
                count(*) FILTER (record = 'event') AS events FROM read_parquet(${sqlString(path)})`,
      );
      return {
        frames: Number(row!['frames']),
        observations: Number(row!['observations']),
        events: Number(row!['events']),
      };
    },
    importParquet: (path) => readArchive(db, path),
    async archiveRange(path) {
      const [row] = await db.all(
        `SELECT min(range_from_ms) AS f, max(range_to_ms) AS t FROM read_parquet(${sqlString(path)})`,
      );
      return { from: Number(row!['f']), to: Number(row!['t']) };
    },
  };
}
