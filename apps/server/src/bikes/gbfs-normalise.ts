import type { BikeFeedProblem, BikeZone, GbfsFile, GbfsVersion, LngLat } from '@cbo/contracts';

/** A validated GBFS document (shape checked by `validateGbfsDocument`). */
export interface GbfsDocument {
  last_updated: number | string;
  ttl: number;
  version: string;
  data: Record<string, unknown>;
}

type Row = Record<string, unknown>;

/** Epoch ms of a GBFS time: POSIX seconds in 2.x, RFC 3339 in 3.0. */
export function gbfsTimeMs(value: unknown): number {
  if (typeof value === 'number') return value * 1000;
  return typeof value === 'string' ? Date.parse(value) : Number.NaN;
}

/** Text of a 2.x string or a 3.0 localized array (Chinese, then English, then the first). */
export function gbfsText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (!Array.isArray(value)) return '';
  const items = value as { text: string; language: string }[];
  const pick = (prefix: string): string | undefined => items.find((i) => i.language.startsWith(prefix))?.text;
  return pick('zh') ?? pick('en') ?? items[0]?.text ?? '';
}

/** Files and URLs an auto-discovery document links (2.x: the first language's list). */
export function discoveredFiles(document: GbfsDocument): Map<string, string> {
  const data = document.data;
  const feeds = (
    Array.isArray(data['feeds'])
      ? data['feeds']
      : ((Object.values(data)[0] as { feeds?: unknown } | undefined)?.feeds ?? [])
  ) as { name: string; url: string }[];
  return new Map(feeds.map((f) => [f.name, f.url]));
}

/** Collects problems of one kind in one document into a single entry with a count and examples. */
export class ProblemCollector {
  private readonly byKind = new Map<
    BikeFeedProblem['kind'],
    { count: number; first: string; examples: string[] }
  >();
  constructor(
    private readonly file: GbfsFile,
    private readonly at: number,
  ) {}

  add(kind: BikeFeedProblem['kind'], path: string, example: string): void {
    const entry = this.byKind.get(kind);
    if (entry) {
      entry.count++;
      if (entry.examples.length < 5) entry.examples.push(example);
    } else this.byKind.set(kind, { count: 1, first: path, examples: [example] });
  }

  list(): BikeFeedProblem[] {
    return [...this.byKind].map(([kind, { count, first, examples }]) => ({
      at: this.at,
      file: this.file,
      kind,
      path: first,
      message: `${count} x ${kind}: ${examples.join('; ')}${count > examples.length ? '; ...' : ''}`,
    }));
  }
}

/** A station as a feed lists it. */
export interface FeedStation {
  stationId: string;
  name: string;
  position: LngLat;
  capacity: number | null;
  isVirtual: boolean;
  area: LngLat[][][] | null;
}

/** Stations of a station_information document; duplicates and odd positions are reported and skipped. */
export function readStationInformation(document: GbfsDocument, problems: ProblemCollector): FeedStation[] {
  const seen = new Set<string>();
  const out: FeedStation[] = [];
  (document.data['stations'] as Row[]).forEach((s, index) => {
    const id = String(s['station_id']);
    const path = `/data/stations/${index}`;
    if (seen.has(id)) return problems.add('duplicate', path, `station ${id} listed twice`);
    seen.add(id);
    const [lat, lon] = [s['lat'] as number, s['lon'] as number];
    if (lat === 0 && lon === 0) return problems.add('odd-value', `${path}/lat`, `station ${id} at 0,0`);
    const area = s['station_area'] as { coordinates: LngLat[][][] } | undefined;
    out.push({
      stationId: id,
      name: gbfsText(s['name']),
      position: [lon, lat],
      capacity: typeof s['capacity'] === 'number' ? s['capacity'] : null,
      isVirtual: s['is_virtual_station'] === true,
      area: area ? area.coordinates : null,
    });
  });
  return out;
}

/** A station status as a feed gives it. */
export interface FeedStationStatus {
  stationId: string;
  bikesAvailable: number;
  bikesDisabled: number;
  docksAvailable: number | null;
  isInstalled: boolean;
  isRenting: boolean;
  isReturning: boolean;
  reportedAt: number;
}

/**
 * Statuses of a station_status document. Reported, never fatal: stations missing from the station list
 * (`unknown-station`, left out), duplicates (the first wins), more bikes and docks than the capacity, and
 * `last_reported` more than an hour after `last_updated` (`odd-value`, kept).
 */
export function readStationStatus(
  document: GbfsDocument,
  version: GbfsVersion,
  known: ReadonlyMap<string, { capacity: number | null }>,
  problems: ProblemCollector,
): FeedStationStatus[] {
  const updatedAt = gbfsTimeMs(document.last_updated);
  const seen = new Set<string>();
  const out: FeedStationStatus[] = [];
  (document.data['stations'] as Row[]).forEach((s, index) => {
    const id = String(s['station_id']);
    const path = `/data/stations/${index}`;
    if (seen.has(id)) return problems.add('duplicate', path, `station ${id} listed twice`);
    seen.add(id);
    const station = known.get(id);
    if (!station)
      return problems.add(
        'unknown-station',
        `${path}/station_id`,
        `station ${id} not in station_information`,
      );
    const bikes = (version === '2.3' ? s['num_bikes_available'] : s['num_vehicles_available']) as number;
    const disabled =
      ((version === '2.3' ? s['num_bikes_disabled'] : s['num_vehicles_disabled']) as number | undefined) ?? 0;
    const docks = typeof s['num_docks_available'] === 'number' ? s['num_docks_available'] : null;
    const reportedAt = gbfsTimeMs(s['last_reported']);
    if (station.capacity !== null && bikes + disabled + (docks ?? 0) > station.capacity)
      problems.add(
        'odd-value',
        path,
        `station ${id}: ${bikes} bikes + ${docks ?? 0} docks > capacity ${station.capacity}`,
      );
    if (reportedAt > updatedAt + 3_600_000)
      problems.add(
        'odd-value',
        `${path}/last_reported`,
        `station ${id} reported after the document's last_updated`,
      );
    out.push({
      stationId: id,
      bikesAvailable: bikes,
      bikesDisabled: disabled,
      docksAvailable: docks,
      isInstalled: s['is_installed'] === true,
      isRenting: s['is_renting'] === true,
      isReturning: s['is_returning'] === true,
      reportedAt,
    });
  });
  return out;
}

/** Vehicles of a free_bike_status / vehicle_status document, structure of arrays. */
export interface FeedVehicles {
  ids: string[];
  lngE6: Int32Array;
  latE6: Int32Array;
  /** Index in BIKE_STATES. */
  state: Uint8Array;
  /** Permit id from the `_cbo_permit_id` extension; undefined when the feed does not carry permits. */
  permitIds: (string | null | undefined)[];
  stationIds: (string | null)[];
  /** The document carries the regulator profile's `_cbo_in_use` field (in-use bikes are listed). */
  reportsInUse: boolean;
}

/**
 * Vehicles of a vehicle list. In-use bikes are listed only by feeds of the regulator profile
 * (`_cbo_in_use: true`); plain GBFS leaves them out. A vehicle without a position is placed at its station
 * when the station is known, otherwise reported and left out.
 */
export function readVehicles(
  document: GbfsDocument,
  version: GbfsVersion,
  stationPosition: (stationId: string) => LngLat | undefined,
  problems: ProblemCollector,
): FeedVehicles {
  const key = version === '2.3' ? 'bikes' : 'vehicles';
  const idKey = version === '2.3' ? 'bike_id' : 'vehicle_id';
  const rows = document.data[key] as Row[];
  const out: FeedVehicles = {
    ids: [],
    lngE6: new Int32Array(rows.length),
    latE6: new Int32Array(rows.length),
    state: new Uint8Array(rows.length),
    permitIds: [],
    stationIds: [],
    reportsInUse: rows.length > 0 && '_cbo_in_use' in rows[0]!,
  };
  const seen = new Set<string>();
  let n = 0;
  for (let index = 0; index < rows.length; index++) {
    const v = rows[index]!;
    const id = String(v[idKey]);
    if (seen.has(id)) {
      problems.add('duplicate', `/data/${key}/${index}`, `vehicle ${id} listed twice`);
      continue;
    }
    seen.add(id);
    const stationId = typeof v['station_id'] === 'string' ? v['station_id'] : null;
    let lng = v['lon'] as number | undefined;
    let lat = v['lat'] as number | undefined;
    if ((lng === undefined || lat === undefined) && stationId !== null)
      [lng, lat] = stationPosition(stationId) ?? [];
    if (lng === undefined || lat === undefined || (lng === 0 && lat === 0)) {
      problems.add('odd-value', `/data/${key}/${index}`, `vehicle ${id} has no usable position`);
      continue;
    }
    out.ids.push(id);
    out.lngE6[n] = Math.round(lng * 1e6);
    out.latE6[n] = Math.round(lat * 1e6);
    out.state[n] =
      v['_cbo_in_use'] === true ? 1 : v['is_disabled'] === true ? 2 : v['is_reserved'] === true ? 3 : 0;
    const permit = v['_cbo_permit_id'];
    out.permitIds.push(typeof permit === 'string' ? permit : permit === null ? null : undefined);
    out.stationIds.push(stationId);
    n++;
  }
  return {
    ...out,
    lngE6: out.lngE6.subarray(0, n),
    latE6: out.latE6.subarray(0, n),
    state: out.state.subarray(0, n),
  };
}

/** No-parking zones of a geofencing_zones document: zones with a rule forbidding rides to end there. */
export function readNoParkingZones(document: GbfsDocument, version: GbfsVersion, feedId: string): BikeZone[] {
  const features = (document.data['geofencing_zones'] as { features: Row[] }).features;
  const zones: BikeZone[] = [];
  features.forEach((f, index) => {
    const properties = f['properties'] as Row;
    const rules = (properties['rules'] as Row[] | undefined) ?? [];
    const noParking = rules.some((r) =>
      version === '2.3' ? r['ride_allowed'] === false : r['ride_end_allowed'] === false,
    );
    if (!noParking) return;
    const name = gbfsText(properties['name']) || `zone ${index}`;
    // A zone of the city's own register keeps its id (`_cbo_zone_id`), so every operator's copy is one zone.
    const registered = properties['_cbo_zone_id'];
    zones.push({
      id: typeof registered === 'string' ? registered : `${feedId}:${index}`,
      kind: 'no-parking',
      nameZh: name,
      nameEn: name,
      capacity: null,
      districtId: null,
      polygons: (f['geometry'] as { coordinates: LngLat[][][] }).coordinates,
      feedId,
    });
  });
  return zones;
}
