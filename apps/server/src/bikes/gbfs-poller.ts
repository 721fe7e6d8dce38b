import type { GbfsFile } from '@cbo/contracts';
import type { BikeService } from './bike-service';
import { recordProblems } from './bike-feed-record';
import { discoveredFiles, type GbfsDocument } from './gbfs-normalise';

/** Fetches a URL and returns its body text; throws on a network error or a non-2xx status. */
export type FetchText = (url: string) => Promise<string>;

/** A feed the poller follows: its id and auto-discovery URL (`gbfs.json`). */
export interface GbfsFeedConfig {
  feedId: string;
  url: string;
}

/** Order in which a feed's files are read: systems before stations, stations before their status. */
export const GBFS_READ_ORDER: readonly GbfsFile[] = [
  'system_information',
  'vehicle_types',
  'station_information',
  'station_status',
  'free_bike_status',
  'vehicle_status',
  'geofencing_zones',
];

/** Options of {@link createGbfsPoller}. */
export interface GbfsPollerOptions {
  service: BikeService;
  feeds: readonly GbfsFeedConfig[];
  fetchText: FetchText;
  /** Shortest time between two reads of one file, ms, whatever its ttl (a ttl of 0 means "always refresh"). */
  minIntervalMs?: number;
}

/** What one round of polling did. */
export interface GbfsPollReport {
  fetched: number;
  accepted: number;
  rejected: number;
  failed: number;
}

/** Follows GBFS feeds: re-reads each file when its `ttl` has run out. */
export interface GbfsPoller {
  /** Reads every file that is due at `now` (the discovery file first); resolves when all are applied. */
  pollDue(now: number): Promise<GbfsPollReport>;
}

interface FeedSchedule {
  urls: Map<string, string>;
  nextAt: Map<string, number>;
}

/**
 * Creates a poller over the bike service. Each file is read again `ttl` seconds after its last read (at
 * least `minIntervalMs`); the discovery file is re-read on its own ttl and may add or drop files. A failed
 * fetch or a body that is not JSON is reported on the feed (kind `fetch` / `schema`) and retried after
 * `minIntervalMs`; the state already held stays.
 */
export function createGbfsPoller({
  service,
  feeds,
  fetchText,
  minIntervalMs = 5_000,
}: GbfsPollerOptions): GbfsPoller {
  const schedules = new Map<string, FeedSchedule>(
    feeds.map((f) => [f.feedId, { urls: new Map([['gbfs', f.url]]), nextAt: new Map() }]),
  );
  for (const f of feeds) service.registerFeed(f.feedId, f.url);

  async function read(
    feedId: string,
    file: GbfsFile,
    url: string,
    now: number,
    report: GbfsPollReport,
  ): Promise<GbfsDocument | null> {
    const record = service.registerFeed(feedId, null);
    const schedule = schedules.get(feedId)!;
    report.fetched++;
    let body: unknown;
    try {
      const text = await fetchText(url);
      try {
        body = JSON.parse(text);
      } catch (error) {
        record.documentsRejected++;
        record.rejectedFiles.add(file);
        recordProblems(record, [
          {
            at: now,
            file,
            kind: 'schema',
            path: '/',
            message: `${file} is not JSON: ${(error as Error).message}`,
          },
        ]);
        report.rejected++;
        schedule.nextAt.set(file, now + minIntervalMs);
        return null;
      }
    } catch (error) {
      recordProblems(record, [
        { at: now, file, kind: 'fetch', path: '', message: `${url}: ${(error as Error).message}` },
      ]);
      report.failed++;
      schedule.nextAt.set(file, now + minIntervalMs);
      return null;
    }
    const result = service.ingestDocument(feedId, file, body, now);
    if (!result.accepted) {
      report.rejected++;
      schedule.nextAt.set(file, now + minIntervalMs);
      return null;
    }
    report.accepted++;
    const ttlS = (body as GbfsDocument).ttl;
    schedule.nextAt.set(file, now + Math.max(minIntervalMs, ttlS * 1000));
    return body as GbfsDocument;
  }

  async function pollFeed(feedId: string, now: number, report: GbfsPollReport): Promise<void> {
    const schedule = schedules.get(feedId)!;
    const discoveryUrl = schedule.urls.get('gbfs')!;
    if (now >= (schedule.nextAt.get('gbfs') ?? 0)) {
      const discovery = await read(feedId, 'gbfs', discoveryUrl, now, report);
      if (discovery) {
        const urls = new Map([['gbfs', discoveryUrl]]);
        for (const [name, url] of discoveredFiles(discovery))
          urls.set(name, new URL(url, discoveryUrl).toString());
        schedule.urls = urls;
      }
    }
    for (const file of GBFS_READ_ORDER) {
      const url = schedule.urls.get(file);
      if (url === undefined || now < (schedule.nextAt.get(file) ?? 0)) continue;
      await read(feedId, file, url, now, report);
    }
  }

  return {
    async pollDue(now) {
      const report: GbfsPollReport = { fetched: 0, accepted: 0, rejected: 0, failed: 0 };
      await Promise.all(feeds.map((f) => pollFeed(f.feedId, now, report)));
      return report;
    },
  };
}

/** Fetches over HTTP(S) with a timeout; only http: and https: URLs. */
export function createHttpFetchText(timeoutMs = 10_000): FetchText {
  return async (url) => {
    const protocol = new URL(url).protocol;
    if (protocol !== 'http:' && protocol !== 'https:') throw new Error(`${protocol} URLs are not fetched`);
    const response = await fetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: 'application/json' },
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.text();
  };
}
