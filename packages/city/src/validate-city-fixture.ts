import { ROAD_CLASSES, WATER_KINDS } from '@cbo/contracts';
import type { LngLat, RoadClass, WaterFeature } from '@cbo/contracts';
import type { CityFixture } from './city';

/** A validated district: MultiPolygon coordinates. */
export interface FixtureDistrict {
  id: string;
  nameZh: string;
  nameEn: string;
  polygons: LngLat[][][];
}
/** A validated road centre line. */
export interface FixtureRoad {
  id: string;
  nameZh: string;
  nameEn: string;
  roadClass: RoadClass;
  lanes: number;
  freeFlowKmh: number;
  oneway: boolean;
  path: LngLat[];
}
/** A fixture that passed {@link validateCityFixture}. */
export interface ValidCityFixture {
  meta: CityFixture['meta'];
  districts: FixtureDistrict[];
  water: WaterFeature[];
  roads: FixtureRoad[];
}

const ID_PATTERN = /^[A-Za-z0-9_.:-]+$/;
/** Road ids leave room for the `:f:000` suffix of segment ids within the 64-character id limit. */
const MAX_ROAD_ID_LENGTH = 48;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown): string =>
  v === undefined ? 'undefined' : (JSON.stringify(v)?.slice(0, 60) ?? String(v));

function checkPosition(v: unknown, where: string, errors: string[]): LngLat | null {
  if (!Array.isArray(v) || v.length < 2 || !Number.isFinite(v[0]) || !Number.isFinite(v[1])) {
    errors.push(`${where}: expected [lng, lat] numbers, got ${show(v)}`);
    return null;
  }
  const [lng, lat] = v as [number, number];
  if (lng < -180 || lng > 180 || lat < -90 || lat > 90) {
    errors.push(`${where}: [lng, lat] out of range, got ${show(v)}`);
    return null;
  }
  return [lng, lat];
}

function checkLine(v: unknown, minPoints: number, where: string, errors: string[]): LngLat[] | null {
  if (!Array.isArray(v) || v.length < minPoints) {
    errors.push(
      `${where}: expected at least ${minPoints} positions, got ${Array.isArray(v) ? v.length : show(v)}`,
    );
    return null;
  }
  const out: LngLat[] = [];
  for (let i = 0; i < v.length; i += 1) {
    const p = checkPosition(v[i], `${where}[${i}]`, errors);
    if (!p) return null;
    out.push(p);
  }
  return out;
}

function checkRings(v: unknown, where: string, errors: string[]): LngLat[][] | null {
  if (!Array.isArray(v) || v.length === 0) {
    errors.push(`${where}: expected polygon rings, got ${show(v)}`);
    return null;
  }
  const rings = v.map((ring, i) => checkLine(ring, 4, `${where}[${i}]`, errors));
  return rings.every((r) => r !== null) ? (rings as LngLat[][]) : null;
}

function checkString(props: Obj, key: string, where: string, errors: string[]): string {
  const v = props[key];
  if (typeof v !== 'string' || v.trim() === '')
    errors.push(`${where}.${key}: expected a non-empty string, got ${show(v)}`);
  return typeof v === 'string' ? v : '';
}

function checkId(props: Obj, where: string, seen: Set<string>, maxLength: number, errors: string[]): string {
  const id = props.id;
  if (typeof id !== 'string' || !ID_PATTERN.test(id) || id.length > maxLength) {
    errors.push(
      `${where}.id: expected an id matching ${ID_PATTERN.source} of at most ${maxLength} characters, got ${show(id)}`,
    );
    return '';
  }
  if (seen.has(id)) errors.push(`${where}.id: duplicate id ${show(id)}`);
  seen.add(id);
  return id;
}

function features(
  v: unknown,
  file: string,
  errors: string[],
): { where: string; props: Obj; geometry: Obj }[] {
  if (!isObj(v) || v.type !== 'FeatureCollection' || !Array.isArray(v.features)) {
    errors.push(`${file}: expected a GeoJSON FeatureCollection, got ${show(isObj(v) ? v.type : v)}`);
    return [];
  }
  const out: { where: string; props: Obj; geometry: Obj }[] = [];
  v.features.forEach((f: unknown, i: number) => {
    const where = `${file}.features[${i}]`;
    if (!isObj(f) || !isObj(f.properties) || !isObj(f.geometry)) {
      errors.push(`${where}: expected a Feature with properties and geometry`);
      return;
    }
    out.push({ where, props: f.properties, geometry: f.geometry });
  });
  return out;
}

function validateDistricts(v: unknown, errors: string[]): FixtureDistrict[] {
  const seen = new Set<string>();
  const out: FixtureDistrict[] = [];
  const list = features(v, 'districts', errors);
  for (const { where, props, geometry } of list) {
    const id = checkId(props, `${where}.properties`, seen, 64, errors);
    const nameZh = checkString(props, 'nameZh', `${where}.properties`, errors);
    const nameEn = checkString(props, 'nameEn', `${where}.properties`, errors);
    let polygons: LngLat[][][] | null = null;
    if (geometry.type === 'Polygon') {
      const rings = checkRings(geometry.coordinates, `${where}.geometry.coordinates`, errors);
      polygons = rings ? [rings] : null;
    } else if (geometry.type === 'MultiPolygon' && Array.isArray(geometry.coordinates)) {
      const polys = geometry.coordinates.map((p, i) =>
        checkRings(p, `${where}.geometry.coordinates[${i}]`, errors),
      );
      polygons = polys.every((p) => p !== null) && polys.length > 0 ? (polys as LngLat[][][]) : null;
    } else {
      errors.push(`${where}.geometry.type: expected Polygon or MultiPolygon, got ${show(geometry.type)}`);
    }
    if (polygons) out.push({ id, nameZh, nameEn, polygons });
  }
  if (list.length === 0) errors.push('districts: expected at least one district');
  return out;
}

function validateWater(v: unknown, errors: string[]): WaterFeature[] {
  const seen = new Set<string>();
  const out: WaterFeature[] = [];
  for (const { where, props, geometry } of features(v, 'water', errors)) {
    const id = checkId(props, `${where}.properties`, seen, 64, errors);
    const nameZh = checkString(props, 'nameZh', `${where}.properties`, errors);
    const nameEn = checkString(props, 'nameEn', `${where}.properties`, errors);
    const kind = props.kind as WaterFeature['kind'];
    if (!(WATER_KINDS as readonly unknown[]).includes(kind)) {
      errors.push(`${where}.properties.kind: expected one of ${WATER_KINDS.join('|')}, got ${show(kind)}`);
    }
    const widthM = props.widthM;
    if (widthM !== undefined && !(typeof widthM === 'number' && widthM > 0)) {
      errors.push(`${where}.properties.widthM: expected a positive number, got ${show(widthM)}`);
    }
    const feature: WaterFeature = { id, nameZh, nameEn, kind };
    if (typeof widthM === 'number') feature.widthM = widthM;
    if (geometry.type === 'LineString') {
      const line = checkLine(geometry.coordinates, 2, `${where}.geometry.coordinates`, errors);
      if (line) out.push({ ...feature, line });
    } else if (geometry.type === 'Polygon') {
      const polygon = checkRings(geometry.coordinates, `${where}.geometry.coordinates`, errors);
      if (polygon) out.push({ ...feature, polygon });
    } else {
      errors.push(`${where}.geometry.type: expected LineString or Polygon, got ${show(geometry.type)}`);
    }
  }
  return out;
}

function validateRoads(v: unknown, errors: string[]): FixtureRoad[] {
  const seen = new Set<string>();
  const out: FixtureRoad[] = [];
  const list = features(v, 'roads', errors);
  for (const { where, props, geometry } of list) {
    const at = `${where}.properties`;
    const id = checkId(props, at, seen, MAX_ROAD_ID_LENGTH, errors);
    const nameZh = checkString(props, 'nameZh', at, errors);
    const nameEn = checkString(props, 'nameEn', at, errors);
    const { roadClass, lanes, freeFlowKmh, oneway } = props;
    if (!(ROAD_CLASSES as readonly unknown[]).includes(roadClass)) {
      errors.push(`${at}.roadClass: expected one of ${ROAD_CLASSES.join('|')}, got ${show(roadClass)}`);
    }
    if (!Number.isInteger(lanes) || (lanes as number) < 1 || (lanes as number) > 12) {
      errors.push(`${at}.lanes: expected an integer 1..12 (lanes per direction), got ${show(lanes)}`);
    }
    if (typeof freeFlowKmh !== 'number' || !(freeFlowKmh > 0 && freeFlowKmh <= 140)) {
      errors.push(`${at}.freeFlowKmh: expected a number in (0, 140], got ${show(freeFlowKmh)}`);
    }
    if (oneway !== undefined && typeof oneway !== 'boolean') {
      errors.push(`${at}.oneway: expected a boolean, got ${show(oneway)}`);
    }
    if (geometry.type !== 'LineString') {
      errors.push(`${where}.geometry.type: expected LineString, got ${show(geometry.type)}`);
      continue;
    }
    const path = checkLine(geometry.coordinates, 2, `${where}.geometry.coordinates`, errors);
    if (!path) continue;
    out.push({
      id,
      nameZh,
      nameEn,
      roadClass: roadClass as RoadClass,
      lanes: lanes as number,
      freeFlowKmh: freeFlowKmh as number,
      oneway: oneway === true,
      path,
    });
  }
  if (list.length === 0) errors.push('roads: expected at least one road');
  return out;
}

/** Validates a fixture; every error names the file, feature index, property and the bad value. */
export function validateCityFixture(
  fixture: CityFixture,
): { fixture: ValidCityFixture } | { errors: string[] } {
  const errors: string[] = [];
  const meta = isObj(fixture.meta) ? (fixture.meta as unknown as Obj) : {};
  if (!isObj(fixture.meta)) errors.push(`city.json: expected an object, got ${show(fixture.meta)}`);
  for (const key of ['id', 'nameZh', 'nameEn', 'timeZone']) checkString(meta, key, 'city.json', errors);
  if (typeof meta.id === 'string' && !ID_PATTERN.test(meta.id))
    errors.push(`city.json.id: expected an id, got ${show(meta.id)}`);
  const districts = validateDistricts(fixture.districts, errors);
  const water = validateWater(fixture.water, errors);
  const roads = validateRoads(fixture.roads, errors);
  if (errors.length > 0) return { errors };
  return { fixture: { meta: fixture.meta, districts, water, roads } };
}
