import type { HistoryEvent, TrafficNow } from '@cbo/contracts';

/** Wire frame kinds as stored: 0 keyframe (snapshot), 1 delta. */
export type StoredFrameKind = 0 | 1;

/** One recorded frame: the wire bytes the wall got (delta) or a keyframe snapshot, with the tick's indices. */
export interface FrameRecord {
  /** Recorder sequence number: unique and increasing in recording order across restarts. */
  rseq: number;
  /** The pipeline's wire sequence number (restarts at 1 with the server; a keyframe starts each run). */
  seq: number;
  at: number;
  kind: StoredFrameKind;
  frame: Uint8Array;
  /** Network TTI and TPI of the tick, for timelines and summaries; null without fresh input. */
  tti: number | null;
  tpi: number | null;
  /**
   * The tick's indices as broadcast (`traffic:indices`); null on a delta frame whose indices differ from the
   * previous stored ones only in tick number, time, input ages and `values` (replay rebuilds them exactly:
   * `indices-key.ts`). Keyframes always carry them.
   */
  now: TrafficNow | null;
  /** Whether `now` is stored (read without parsing it); absent on frames not read from a store. */
  readonly hasNow?: boolean;
  /**
   * When `now` is not stored: the per-area values that move every tick (`encodeIndexValues`, exact Float64),
   * the rest being those of the last stored indices. Null on frames that store `now`.
   */
  values: Uint8Array | null;
}

/** Accepted observations in columns (the ingest hook's shape), with their first recorder sequence number. */
export interface ObservationColumns {
  rseq: number[];
  segmentIndex: number[];
  observedAt: number[];
  receivedAt: number[];
  speedKmh: number[];
  /** NaN when the reading had no flow. */
  flowVph: number[];
  source: string[];
}

/** A recorded observation, read back. */
export interface ObservationRecord {
  rseq: number;
  segmentIndex: number;
  observedAt: number;
  receivedAt: number;
  speedKmh: number;
  flowVph: number | null;
  source: string;
}

/**
 * Event stream of the per-minute snapshots of the other domains (kind `river`, `bikes`): kept in the events
 * table so export, import and retention carry them; `events()` leaves them out.
 */
export const DOMAIN_STREAM = 'domain';

/** Recorded event: alert and case events, operator actions. `seq` is the recorder sequence number. */
export type EventRecord = HistoryEvent;

/** Rows per 15-minute bucket, for grouping into local days in any time zone. */
export interface BucketCount {
  bucketStart: number;
  frames: number;
  keyframes: number;
  observations: number;
  events: number;
  firstFrameAt: number | null;
  lastFrameAt: number | null;
}

/** Half-open time range [from, to), epoch ms. */
export interface TimeRange {
  from: number;
  to: number;
}

/** Next free recorder sequence numbers per table. */
export interface NextSequences {
  frames: number;
  observations: number;
  events: number;
}

/** Rows in each table of an archive or a deletion. */
export interface RowCounts {
  frames: number;
  observations: number;
  events: number;
}

/**
 * The history store: the recorder writes through it, replay, compare, backtest and export read through it.
 * The embedded implementation is DuckDB ({@link createDuckDbHistoryStore}); a PostgreSQL one (daily range
 * partitions, batched COPY) can implement the same interface. Times are epoch ms; ranges are half-open.
 */
export interface HistoryStore {
  nextSequences(): Promise<NextSequences>;
  /** Appends frames in bulk (one Appender batch). */
  appendFrames(frames: readonly FrameRecord[]): Promise<void>;
  appendObservations(columns: ObservationColumns): Promise<void>;
  /**
   * Bulk-loads observations from a CSV file in table column order (rseq, segment index, observed at,
   * received at, speed, flow or empty, quoted source), as the observation spool writes it. Optional: a store
   * without it gets `appendObservations`.
   */
  appendObservationsCsv?(path: string): Promise<void>;
  appendEvents(events: readonly EventRecord[]): Promise<void>;
  /** The newest keyframe at or before `at`, looking back at most `lookBackMs`. */
  keyframeAtOrBefore(at: number, lookBackMs: number): Promise<FrameRecord | null>;
  /**
   * Frames after the position (`afterAt`, `afterRseq`) in (at, rseq) order, up to and including `untilAt`,
   * at most `limit` rows.
   */
  framesAfter(afterAt: number, afterRseq: number, untilAt: number, limit?: number): Promise<FrameRecord[]>;
  /** Time of the nearest frame strictly before / after `at` within the range, or null. */
  neighbourFrameAt(at: number, direction: 1 | -1, range: TimeRange): Promise<number | null>;
  /** Network TTI and TPI per minute (last frame of each minute) within the range. */
  indicesPerMinute(range: TimeRange): Promise<{ at: number; tti: number | null; tpi: number | null }[]>;
  /** Alert, case and operator events in the range (not the per-minute domain snapshots). */
  events(range: TimeRange): Promise<EventRecord[]>;
  /** Per-minute domain snapshots (stream {@link DOMAIN_STREAM}, kind = domain) in the range, oldest first. */
  domainEvents(range: TimeRange): Promise<EventRecord[]>;
  /** The newest domain snapshot of each kind in the range. */
  latestDomainEvents(range: TimeRange): Promise<EventRecord[]>;
  /** Observations observed in the range, oldest first; only those of `segmentIndices` when given. */
  observations(range: TimeRange, segmentIndices?: readonly number[]): Promise<ObservationRecord[]>;
  /**
   * The recorded indices of the last frame of each minute with frames in the range, oldest first (rebuilt
   * from the last stored ones where that frame did not store them; exact, see `indices-key.ts`).
   */
  nowPerMinute(range: TimeRange): Promise<TrafficNow[]>;
  /** Row counts per 15-minute bucket (oldest first). */
  bucketCounts(): Promise<BucketCount[]>;
  deleteRange(range: TimeRange): Promise<void>;
  /** Deletes everything older than `at` (retention). */
  deleteBefore(at: number): Promise<void>;
  /** Writes the range of every table into one Parquet file (zstd); returns the rows written. */
  exportParquet(range: TimeRange, path: string): Promise<RowCounts>;
  /**
   * Reads a Parquet archive written by {@link exportParquet}: replaces what the store holds in the archive's
   * time range and renumbers recorder sequences after the store's own.
   * @throws when the file is missing, truncated or not such an archive; the store is then unchanged
   */
  importParquet(path: string): Promise<RowCounts & TimeRange>;
  /** Time range covered by an archive, without importing it. */
  archiveRange(path: string): Promise<TimeRange>;
}
