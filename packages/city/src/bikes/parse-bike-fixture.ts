import type { BikeZone, BikeZoneKind, LngLat } from '@cbo/contracts';

/** What an area is used for: drives the simulator's commuting tide. */
export type BikeAreaUse = 'residential' | 'office' | 'mixed';

/** A docked public-bike station of the city fixture (`bike-stations.geojson`). */
export interface BikeFixtureStation {
  id: string;
  nameZh: string;
  nameEn: string;
  position: LngLat;
  capacity: number;
  use: BikeAreaUse;
  districtId: string;
}

/** A zone of the city fixture (`bike-zones.geojson`) with the use of its area. */
export interface BikeFixtureZone extends BikeZone {
  use: BikeAreaUse;
}

/** An operator of the city fixture (`bike-operators.json`). */
export interface BikeFixtureOperator {
  id: string;
  nameZh: string;
  nameEn: string;
  dockless: boolean;
  /** Permitted fleet (配额), null for none. */
  quota: number | null;
  permitsIssued: boolean;
  /** Prefix of the operator's permit ids, e.g. `HZ-YQ-`. */
  permitPrefix: string;
  unitId: string | null;
  /** Share of the simulated dockless fleet this operator deploys (dockless operators sum to 1). */
  fleetShare: number;
  /** Share of the operator's bikes deployed without a permit. */
  unpermittedShare: number;
}

/** The parsed bike fixture of a city. */
export interface BikeCityFixture {
  stations: BikeFixtureStation[];
  zones: BikeFixtureZone[];
  operators: BikeFixtureOperator[];
}

/** A feature or operator left out, with why. */
export interface BikeFixtureRejection {
  file: 'stations' | 'zones' | 'operators';
  index: number;
  reason: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const isLngLat = (value: unknown): value is LngLat =>
  Array.isArray(value) &&
  value.length >= 2 &&
  typeof value[0] === 'number' &&
  typeof value[1] === 'number' &&
  Math.abs(value[0]) <= 180 &&
  Math.abs(value[1]) <= 90;
const USES = new Set<string>(['residential', 'office', 'mixed']);
const KINDS = new Set<string>(['no-parking', 'parking']);

function features(collection: unknown): unknown[] {
  return isRecord(collection) && Array.isArray(collection['features']) ? collection['features'] : [];
}

function parseStation(feature: unknown): BikeFixtureStation | string {
  if (!isRecord(feature) || !isRecord(feature['properties']) || !isRecord(feature['geometry']))
    return 'not a GeoJSON feature';
  const p = feature['properties'];
  const coordinates = feature['geometry']['coordinates'];
  if (feature['geometry']['type'] !== 'Point' || !isLngLat(coordinates)) return 'geometry must be a Point';
  if (!isText(p['id']) || !isText(p['nameZh']) || !isText(p['nameEn'])) return 'id, nameZh, nameEn required';
  if (!Number.isInteger(p['capacity']) || (p['capacity'] as number) <= 0) return 'capacity must be > 0';
  if (!USES.has(String(p['use']))) return `use must be residential, office or mixed`;
  if (!isText(p['districtId'])) return 'districtId required';
  return {
    id: p['id'],
    nameZh: p['nameZh'],
    nameEn: p['nameEn'],
    position: [coordinates[0], coordinates[1]],
    capacity: p['capacity'] as number,
    use: p['use'] as BikeAreaUse,
    districtId: p['districtId'],
  };
}

function parseZone(feature: unknown): BikeFixtureZone | string {
  if (!isRecord(feature) || !isRecord(feature['properties']) || !isRecord(feature['geometry']))
    return 'not a GeoJSON feature';
  const p = feature['properties'];
  const { type, coordinates } = feature['geometry'];
  if (
    type !== 'Polygon' ||
    !Array.isArray(coordinates) ||
    !coordinates.every((r) => Array.isArray(r) && r.every(isLngLat))
  )
    return 'geometry must be a Polygon of [lng, lat]';
  if (!isText(p['id']) || !isText(p['nameZh']) || !isText(p['nameEn'])) return 'id, nameZh, nameEn required';
  if (!KINDS.has(String(p['kind']))) return 'kind must be no-parking or parking';
  const capacity = p['capacity'] ?? null;
  if (p['kind'] === 'parking' && (!Number.isInteger(capacity) || (capacity as number) <= 0))
    return 'a parking fence needs a capacity > 0';
  if (!USES.has(String(p['use']))) return 'use must be residential, office or mixed';
  return {
    id: p['id'],
    kind: p['kind'] as BikeZoneKind,
    nameZh: p['nameZh'],
    nameEn: p['nameEn'],
    capacity: p['kind'] === 'parking' ? (capacity as number) : null,
    districtId: isText(p['districtId']) ? p['districtId'] : null,
    polygons: [coordinates as LngLat[][]],
    feedId: null,
    use: p['use'] as BikeAreaUse,
  };
}

function parseOperator(item: unknown): BikeFixtureOperator | string {
  if (!isRecord(item)) return 'not an object';
  if (!isText(item['id']) || !isText(item['nameZh']) || !isText(item['nameEn']))
    return 'id, nameZh, nameEn required';
  const quota = item['quota'] ?? null;
  if (quota !== null && (!Number.isInteger(quota) || (quota as number) < 0))
    return 'quota must be an integer >= 0';
  const share = item['fleetShare'];
  const unpermitted = item['unpermittedShare'];
  if (typeof share !== 'number' || share < 0 || share > 1) return 'fleetShare must be 0-1';
  if (typeof unpermitted !== 'number' || unpermitted < 0 || unpermitted > 1)
    return 'unpermittedShare must be 0-1';
  return {
    id: item['id'],
    nameZh: item['nameZh'],
    nameEn: item['nameEn'],
    dockless: item['dockless'] === true,
    quota: quota as number | null,
    permitsIssued: item['permitsIssued'] === true,
    permitPrefix: isText(item['permitPrefix']) ? item['permitPrefix'] : '',
    unitId: isText(item['unitId']) ? item['unitId'] : null,
    fleetShare: share,
    unpermittedShare: unpermitted,
  };
}

/**
 * Parses the bike files of a city fixture (`bike-stations.geojson`, `bike-zones.geojson`,
 * `bike-operators.json`, already JSON-parsed). Bad features are left out and listed, duplicates by id too.
 */
export function parseBikeFixture(files: { stations: unknown; zones: unknown; operators: unknown }): {
  fixture: BikeCityFixture;
  rejected: BikeFixtureRejection[];
} {
  const rejected: BikeFixtureRejection[] = [];
  const collect = <T extends { id: string }>(
    file: BikeFixtureRejection['file'],
    items: unknown[],
    parse: (item: unknown) => T | string,
  ): T[] => {
    const seen = new Set<string>();
    const out: T[] = [];
    items.forEach((item, index) => {
      const parsed = parse(item);
      if (typeof parsed === 'string') rejected.push({ file, index, reason: parsed });
      else if (seen.has(parsed.id)) rejected.push({ file, index, reason: `duplicate id ${parsed.id}` });
      else {
        seen.add(parsed.id);
        out.push(parsed);
      }
    });
    return out;
  };
  const operatorItems =
    isRecord(files.operators) && Array.isArray(files.operators['operators'])
      ? files.operators['operators']
      : [];
  return {
    fixture: {
      stations: collect('stations', features(files.stations), parseStation),
      zones: collect('zones', features(files.zones), parseZone),
      operators: collect('operators', operatorItems, parseOperator),
    },
    rejected,
  };
}
