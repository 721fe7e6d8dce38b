import type { BikeCityFixture, City } from '@cbo/city';
import { createBikeZoneIndex } from '@cbo/city';
import type {
  BikeOperator,
  BikesNow,
  BikeStation,
  BikeStationView,
  BikeZone,
  GbfsFile,
  GbfsIngestResult,
  GbfsVersion,
} from '@cbo/contracts';
import { computeBikeMetrics, stationStatus, type BikeMetrics, type StationSample } from '@cbo/indices';
import { BikeFleet } from './bike-fleet';
import { createFeedRecord, feedStatus, unlistedInUse, type BikeFeedRecord } from './bike-feed-record';
import { applyGbfsDocument } from './apply-gbfs-document';
import type { FeedStationStatus } from './gbfs-normalise';

/** History of station statuses kept for the net flow, ms. */
const STATION_HISTORY_MS = 70 * 60_000;

/** Mutable state of the bike domain, shared by the ingest, the metrics and the gateway. */
export interface BikeState {
  readonly city: City;
  readonly fleet: BikeFleet;
  readonly operators: BikeOperator[];
  readonly feeds: Map<string, BikeFeedRecord>;
  /** By `feedId:station_id`. */
  readonly stations: Map<string, BikeStation>;
  readonly readings: Map<string, FeedStationStatus>;
  readonly samples: Map<string, StationSample[]>;
  /** Fixture zones first, then feed zones; index = zone code of the fleet. */
  zones: BikeZone[];
  /** Operators issuing permits (by code). */
  readonly permitsIssued: boolean[];
}

/** Options of {@link createBikeService}. */
export interface BikeServiceOptions {
  city: City;
  /** Stations, zones and operators of the default city, or null. */
  fixture: BikeCityFixture | null;
}

/** The bike domain: GBFS documents in, metrics, stations, zones and frames out. */
export interface BikeService {
  readonly state: BikeState;
  /** Creates (or returns) the record of a feed; `url` is its auto-discovery URL. */
  registerFeed(feedId: string, url: string | null): BikeFeedRecord;
  /** GBFS version of the feed, once known from an accepted document. */
  feedVersion(feedId: string): GbfsVersion | null;
  /** Validates and applies one GBFS document (`receivedAt`: server time); the answer lists errors and problems. */
  ingestDocument(feedId: string, file: GbfsFile, document: unknown, receivedAt: number): GbfsIngestResult;
  /** Metrics of the current state (memoised per `at`). */
  metrics(at: number): BikeMetrics;
  /** The `bikes:now` body at `at`. */
  now(at: number): BikesNow;
  /** Every station with its status, fill and forecast. */
  stationViews(at: number): BikeStationView[];
  /** Relocates every bike after the zone list changed. */
  setZones(zones: BikeZone[]): void;
}

/** Centre of the city's districts in 1e-6 degrees: the origin of the bike frames. */
function frameOrigin(city: City): [number, number] {
  const [lng, lat] = city.document.center;
  return [Math.round(lng * 1e6), Math.round(lat * 1e6)];
}

/** Creates the bike service over the city and its bike fixture. */
export function createBikeService({ city, fixture }: BikeServiceOptions): BikeService {
  const districtIndex = new Map(city.districtIds.map((id, i) => [id, i]));
  let zoneIndex = createBikeZoneIndex([]);
  let noParking: boolean[] = [];
  const fleet = new BikeFleet(
    frameOrigin(city),
    (lng, lat) => ({
      district: districtIndex.get(city.locateDistrict([lng, lat]) ?? '') ?? -1,
      zone: zoneIndex.firstZoneAt(lng, lat),
    }),
    (zone) => noParking[zone] === true,
  );
  const operators: BikeOperator[] = (fixture?.operators ?? []).map((o, code) => ({
    id: o.id,
    nameZh: o.nameZh,
    nameEn: o.nameEn,
    dockless: o.dockless,
    quota: o.quota,
    permitsIssued: o.permitsIssued,
    unitId: o.unitId,
    code,
  }));
  const state: BikeState = {
    city,
    fleet,
    operators,
    feeds: new Map(),
    stations: new Map(),
    readings: new Map(),
    samples: new Map(),
    zones: [],
    permitsIssued: operators.map((o) => o.permitsIssued),
  };
  const setZones = (zones: BikeZone[]): void => {
    state.zones = zones;
    zoneIndex = createBikeZoneIndex(zones.map((z) => z.polygons));
    noParking = zones.map((z) => z.kind === 'no-parking');
    fleet.relocateAll();
  };
  setZones((fixture?.zones ?? []).map(({ use: _use, ...zone }) => zone));

  let memo: { at: number; metrics: BikeMetrics } | null = null;
  const metrics = (at: number): BikeMetrics => {
    if (memo?.at === at) return memo.metrics;
    const unlisted = new Array<number>(operators.length).fill(0);
    for (const record of state.feeds.values()) {
      if (record.operatorCode !== null) unlisted[record.operatorCode]! += unlistedInUse(record);
    }
    const result = computeBikeMetrics({
      fleet: fleet.arrays(),
      districtIds: city.districtIds,
      operators,
      zones: state.zones,
      unlistedInUse: unlisted,
    });
    memo = { at, metrics: result };
    return result;
  };

  const stationViews = (at: number): BikeStationView[] =>
    [...state.stations.values()].map((station) => {
      const reading = state.readings.get(station.id);
      return {
        ...station,
        status: reading
          ? stationStatus(reading, station.capacity, state.samples.get(station.id) ?? [], at)
          : null,
      };
    });

  const service: BikeService = {
    state,
    registerFeed(feedId, url) {
      let record = state.feeds.get(feedId);
      if (!record) {
        record = createFeedRecord(feedId, state.feeds.size, url);
        state.feeds.set(feedId, record);
      } else if (url !== null) record.url = url;
      return record;
    },
    feedVersion: (feedId) => state.feeds.get(feedId)?.version ?? null,
    ingestDocument(feedId, file, document, receivedAt) {
      const record = service.registerFeed(feedId, null);
      const result = applyGbfsDocument(state, record, file, document, receivedAt, setZones);
      if (result.accepted && result.records > 0) memo = null;
      if (file === 'station_status' && result.accepted) {
        for (const [id, reading] of state.readings) {
          if (!id.startsWith(`${feedId}:`)) continue;
          const samples = state.samples.get(id) ?? [];
          if (samples[samples.length - 1]?.at !== reading.reportedAt)
            samples.push({
              at: Math.min(reading.reportedAt, receivedAt),
              bikesAvailable: reading.bikesAvailable,
            });
          while (samples.length > 0 && samples[0]!.at < receivedAt - STATION_HISTORY_MS) samples.shift();
          state.samples.set(id, samples);
        }
      }
      return result;
    },
    metrics,
    stationViews,
    now(at) {
      const m = metrics(at);
      const views = stationViews(at);
      const count = (test: (v: BikeStationView) => boolean): number => views.filter(test).length;
      const vehiclesByFeed = new Map<number, number>();
      for (let slot = 0; slot < fleet.count; slot++)
        if (fleet.present[slot] === 1)
          vehiclesByFeed.set(fleet.feed[slot]!, (vehiclesByFeed.get(fleet.feed[slot]!) ?? 0) + 1);
      return {
        computedAt: at,
        network: m.network,
        districts: m.districts,
        operators: m.operators,
        zones: m.zones,
        stations: {
          total: views.length,
          empty: count((v) => v.status?.state === 'empty'),
          full: count((v) => v.status?.state === 'full'),
          emptySoon: count((v) => v.status?.emptySoon === true),
          fullSoon: count((v) => v.status?.fullSoon === true),
        },
        feeds: [...state.feeds.values()].map((r) => ({
          ...feedStatus(r, at, vehiclesByFeed.get(r.index) ?? 0),
          operatorId: r.operatorCode === null ? null : (operators[r.operatorCode]?.id ?? null),
        })),
        wire: {
          origin: [city.document.center[0], city.document.center[1]],
          operators: operators.map((o) => o.id),
        },
      };
    },
    setZones,
  };
  return service;
}
