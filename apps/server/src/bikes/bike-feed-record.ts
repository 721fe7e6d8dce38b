import type { BikeFeedProblem, BikeFeedStatus, GbfsVersion } from '@cbo/contracts';

/** Problems kept per feed, newest first. */
export const FEED_PROBLEMS_KEPT = 50;
/** A feed is stale when nothing was accepted within max(2 x ttl, this), ms. */
export const FEED_MIN_STALE_MS = 60_000;

/** What the server knows of one GBFS feed. */
export interface BikeFeedRecord {
  feedId: string;
  /** Index of the feed in the fleet's feed column. */
  index: number;
  url: string | null;
  version: GbfsVersion | null;
  systemId: string | null;
  operatorCode: number | null;
  /** Per file: newest accepted `last_updated` (ms) and the file's `ttl` (s). */
  files: Map<string, { lastUpdatedAt: number; ttlS: number; receivedAt: number }>;
  lastReceivedAt: number | null;
  /** True when the newest document of some file was rejected and not yet replaced by a good one. */
  rejectedFiles: Set<string>;
  documentsAccepted: number;
  documentsRejected: number;
  problems: BikeFeedProblem[];
  /** Hourly maxima of listed vehicles over the last 24 h: `[hourStart, max]`. */
  listedPeaks: [number, number][];
  /** Vehicles listed in the last vehicle document, and how many of them are in use. */
  listed: number;
  listedInUse: number;
  /** The feed reports in-use bikes itself (`_cbo_in_use`). */
  reportsInUse: boolean;
  stations: number;
}

/** A new, empty record. */
export function createFeedRecord(feedId: string, index: number, url: string | null): BikeFeedRecord {
  return {
    feedId,
    index,
    url,
    version: null,
    systemId: null,
    operatorCode: null,
    files: new Map(),
    lastReceivedAt: null,
    rejectedFiles: new Set(),
    documentsAccepted: 0,
    documentsRejected: 0,
    problems: [],
    listedPeaks: [],
    listed: 0,
    listedInUse: 0,
    reportsInUse: false,
    stations: 0,
  };
}

/**
 * Adds problems, newest first: a new problem replaces the older one of the same file and kind, so the list
 * shows every distinct trouble of the feed with its latest occurrence (at most {@link FEED_PROBLEMS_KEPT}).
 */
export function recordProblems(record: BikeFeedRecord, problems: readonly BikeFeedProblem[]): void {
  if (problems.length === 0) return;
  const replaced = new Set(problems.map((p) => `${p.file}/${p.kind}`));
  const older = record.problems.filter((p) => !replaced.has(`${p.file}/${p.kind}`));
  record.problems = [...problems, ...older].slice(0, FEED_PROBLEMS_KEPT);
}

/** Smallest ttl over the feed's files, s, or null before any. */
export function feedTtlS(record: BikeFeedRecord): number | null {
  let ttl: number | null = null;
  for (const f of record.files.values()) ttl = ttl === null ? f.ttlS : Math.min(ttl, f.ttlS);
  return ttl;
}

/** Silence after which the feed is stale: max(2 x ttl, {@link FEED_MIN_STALE_MS}). */
export function feedStaleAfterMs(record: BikeFeedRecord): number {
  return Math.max(FEED_MIN_STALE_MS, 2 * 1000 * (feedTtlS(record) ?? 0));
}

/** Records the number of vehicles listed at `at` in the hourly peaks (24 h kept). */
export function recordListed(record: BikeFeedRecord, at: number, listed: number): void {
  const hour = Math.floor(at / 3_600_000) * 3_600_000;
  const last = record.listedPeaks[record.listedPeaks.length - 1];
  if (last && last[0] === hour) last[1] = Math.max(last[1], listed);
  else record.listedPeaks.push([hour, listed]);
  record.listedPeaks = record.listedPeaks.filter(([h]) => h > at - 24 * 3_600_000);
}

/**
 * Bikes on a trip that a plain GBFS feed does not list: the trailing 24-h peak of listed bikes minus those
 * listed now (0 for feeds that report in-use bikes themselves).
 */
export function unlistedInUse(record: BikeFeedRecord): number {
  if (record.reportsInUse) return 0;
  const peak = record.listedPeaks.reduce((max, [, n]) => Math.max(max, n), 0);
  return Math.max(0, peak - record.listed);
}

/** The feed as `BikeFeedStatus` at `now`. */
export function feedStatus(record: BikeFeedRecord, now: number, vehicles: number): BikeFeedStatus {
  let lastUpdatedAt: number | null = null;
  for (const f of record.files.values()) lastUpdatedAt = Math.max(lastUpdatedAt ?? 0, f.lastUpdatedAt);
  const silentMs = record.lastReceivedAt === null ? null : Math.max(0, now - record.lastReceivedAt);
  return {
    feedId: record.feedId,
    url: record.url,
    version: record.version,
    systemId: record.systemId,
    operatorId: null,
    lastUpdatedAt,
    lastReceivedAt: record.lastReceivedAt,
    ttlS: feedTtlS(record),
    stale: silentMs === null || silentMs > feedStaleAfterMs(record) || record.rejectedFiles.size > 0,
    silentMs,
    stations: record.stations,
    vehicles,
    documentsAccepted: record.documentsAccepted,
    documentsRejected: record.documentsRejected,
    problems: record.problems,
  };
}
