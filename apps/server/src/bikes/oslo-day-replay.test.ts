import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfigPath } from '../config';
import { loadTestCity } from '../testing/test-app';
import { createBikeService, type BikeService } from './bike-service';
import { createGbfsPoller, createHttpFetchText, type GbfsPoller } from './gbfs-poller';

/** A real day: every station_status.json Oslo Bysykkel published on 2024-09-10 (69 snapshots, GBFS 2.3). */
const OSLO = resolveConfigPath('../shared/conformance/gbfs/oslo');
const stationInformation = readFileSync(`${OSLO}/station_information.json`, 'utf8');
const snapshots = gunzipSync(readFileSync(`${OSLO}/station_status.2024-09-10.ndjson.gz`))
  .toString('utf8')
  .split('\n')
  .filter((line) => line.trim() !== '');

interface RawStatus {
  last_updated: number;
  data: { stations: { station_id: string; num_bikes_available: number }[] };
}
const knownIds = new Set(
  (JSON.parse(stationInformation) as { data: { stations: { station_id: string }[] } }).data.stations.map(
    (s) => s.station_id,
  ),
);

/** The expected counts of a snapshot, computed from the raw file alone. */
function expected(line: string): { stations: number; bikes: number; unknown: number } {
  const raw = JSON.parse(line) as RawStatus;
  const first = new Map<string, number>();
  let unknown = 0;
  for (const s of raw.data.stations) {
    if (first.has(s.station_id)) continue;
    first.set(s.station_id, s.num_bikes_available);
  }
  let bikes = 0;
  for (const [id, n] of first) {
    if (knownIds.has(id)) bikes += n;
    else unknown++;
  }
  return { stations: first.size - unknown, bikes, unknown };
}

let current = 0;
let statusOverride: string | null = null;
let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((request, response) => {
    const files: Record<string, string> = {
      '/gbfs.json': JSON.stringify({
        last_updated: 1725919000,
        ttl: 15,
        version: '2.3',
        data: {
          nb: {
            feeds: ['system_information', 'station_information', 'station_status'].map((name) => ({
              name,
              url: `${base}/${name}.json`,
            })),
          },
        },
      }),
      '/system_information.json': JSON.stringify({
        last_updated: 1725919000,
        ttl: 15,
        version: '2.3',
        data: { system_id: 'oslobysykkel', language: 'nb', name: 'Oslo Bysykkel', timezone: 'Europe/Oslo' },
      }),
      '/station_information.json': stationInformation,
      '/station_status.json': statusOverride ?? snapshots[current]!,
    };
    const body = files[request.url ?? ''];
    response.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json' });
    response.end(body ?? '{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function replay(): Promise<{ service: BikeService; poller: GbfsPoller; at: number }> {
  const service = createBikeService({ city: await loadTestCity(), fixture: null });
  const poller = createGbfsPoller({
    service,
    feeds: [{ feedId: 'oslo', url: `${base}/gbfs.json` }],
    fetchText: createHttpFetchText(5000),
  });
  let at = 0;
  for (current = 0; current < snapshots.length; current++) {
    at = (JSON.parse(snapshots[current]!) as RawStatus).last_updated * 1000 + 2000;
    await poller.pollDue(at);
  }
  current = snapshots.length - 1;
  return { service, poller, at };
}

describe('the Oslo day replayed through the poller', () => {
  // Replayed once for the read-only checks; the malformed-snapshot test replays its own.
  let day: Awaited<ReturnType<typeof replay>>;
  beforeAll(async () => {
    day = await replay();
  });

  it('holds 69 snapshots', () => {
    expect(snapshots).toHaveLength(69);
  });

  it('ends with the stations and bikes of the last snapshot, counted from the raw files', () => {
    const { service, at } = day;
    const want = expected(snapshots[snapshots.length - 1]!);
    const views = service.stationViews(at).filter((v) => v.status !== null);
    expect(views).toHaveLength(want.stations);
    expect(views.reduce((sum, v) => sum + v.status!.bikesAvailable, 0)).toBe(want.bikes);
    const feed = service.now(at).feeds[0]!;
    expect([feed.version, feed.documentsAccepted, feed.documentsRejected, feed.stale]).toEqual([
      '2.3',
      3 + 69,
      0,
      false,
    ]);
    expect(feed.problems.find((p) => p.kind === 'unknown-station')?.message).toMatch(
      new RegExp(`^${want.unknown} x unknown-station`),
    );
  });

  it('puts the stations where they are, outside every Hangzhou district', () => {
    const { service, at } = day;
    const raw = (
      JSON.parse(stationInformation) as {
        data: { stations: { station_id: string; lat: number; lon: number }[] };
      }
    ).data.stations[0]!;
    const station = service.stationViews(at).find((v) => v.id === `oslo:${raw.station_id}`)!;
    expect(station.position).toEqual([raw.lon, raw.lat]);
    expect(station.districtId).toBeNull();
  });

  it('reports the 2.2 station list read as 2.3 without rejecting it', () => {
    const { service, at } = day;
    expect(
      service
        .now(at)
        .feeds[0]!.problems.some((p) => p.kind === 'version' && p.file === 'station_information'),
    ).toBe(true);
  });

  it('keeps the last good state, marked stale, when a snapshot is malformed', async () => {
    const { service, poller, at } = await replay();
    const bad = JSON.parse(snapshots[snapshots.length - 1]!) as RawStatus;
    bad.last_updated += 1200;
    bad.data.stations[4]!.num_bikes_available = -3;
    statusOverride = JSON.stringify(bad);
    try {
      await poller.pollDue(at + 1_200_000);
    } finally {
      statusOverride = null;
    }
    const feed = service.now(at + 1_200_000).feeds[0]!;
    expect(feed.stale).toBe(true);
    expect(feed.problems[0]).toMatchObject({ kind: 'schema', path: '/data/stations/4/num_bikes_available' });
    const views = service.stationViews(at + 1_200_000).filter((v) => v.status !== null);
    expect(views.reduce((sum, v) => sum + v.status!.bikesAvailable, 0)).toBe(
      expected(snapshots[snapshots.length - 1]!).bikes,
    );
  });
});
