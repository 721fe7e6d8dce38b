import type { LngLat } from '@cbo/contracts';

/** A GeoJSON feature whose properties and geometry are objects, with its path for messages. */
export interface RawFeature {
  where: string;
  props: Record<string, unknown>;
  geometry: Record<string, unknown>;
}

const ID_PATTERN = /^[A-Za-z0-9_.:-]+$/;

/** Object check that excludes arrays and null. */
export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A short printable form of a bad value for error messages. */
export const show = (v: unknown): string =>
  v === undefined ? 'undefined' : (JSON.stringify(v)?.slice(0, 60) ?? String(v));

/** The features of a FeatureCollection; anything else is an error naming the file. */
export function rawFeatures(v: unknown, file: string, errors: string[]): RawFeature[] {
  if (!isObject(v) || v.type !== 'FeatureCollection' || !Array.isArray(v.features)) {
    errors.push(`${file}: expected a GeoJSON FeatureCollection, got ${show(isObject(v) ? v.type : v)}`);
    return [];
  }
  const out: RawFeature[] = [];
  v.features.forEach((f: unknown, i: number) => {
    const where = `${file}.features[${i}]`;
    if (!isObject(f) || !isObject(f.properties) || !isObject(f.geometry)) {
      errors.push(`${where}: expected a Feature with properties and geometry`);
      return;
    }
    out.push({ where, props: f.properties, geometry: f.geometry });
  });
  return out;
}

/** A `[lng, lat]` position in range, or null with an error. */
export function checkPosition(v: unknown, where: string, errors: string[]): LngLat | null {
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

/** A list of at least `minPoints` positions, or null with an error. */
export function checkPositions(
  v: unknown,
  minPoints: number,
  where: string,
  errors: string[],
): LngLat[] | null {
  if (!Array.isArray(v) || v.length < minPoints) {
    errors.push(`${where}: expected at least ${minPoints} positions, got ${show(v)}`);
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

/** A Point geometry's position, or null with an error. */
export function checkPoint(f: RawFeature, errors: string[]): LngLat | null {
  if (f.geometry.type !== 'Point') {
    errors.push(`${f.where}.geometry.type: expected Point, got ${show(f.geometry.type)}`);
    return null;
  }
  return checkPosition(f.geometry.coordinates, `${f.where}.geometry.coordinates`, errors);
}

/** A non-empty string property (empty string with an error otherwise). */
export function checkText(f: RawFeature, key: string, errors: string[]): string {
  const v = f.props[key];
  if (typeof v !== 'string' || v.trim() === '') {
    errors.push(`${f.where}.properties.${key}: expected a non-empty string, got ${show(v)}`);
    return '';
  }
  return v;
}

/** A finite number property, or NaN with an error. */
export function checkNumber(f: RawFeature, key: string, errors: string[]): number {
  const v = f.props[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    errors.push(`${f.where}.properties.${key}: expected a number, got ${show(v)}`);
    return Number.NaN;
  }
  return v;
}

/** A unique id (`[A-Za-z0-9_.:-]`, at most 64 characters). */
export function checkId(f: RawFeature, seen: Set<string>, errors: string[]): string {
  const id = f.props.id;
  if (typeof id !== 'string' || !ID_PATTERN.test(id) || id.length > 64) {
    errors.push(`${f.where}.properties.id: expected an id matching ${ID_PATTERN.source}, got ${show(id)}`);
    return '';
  }
  if (seen.has(id)) errors.push(`${f.where}.properties.id: duplicate id ${show(id)}`);
  seen.add(id);
  return id;
}

/** A reference property that must name one of `known` (skipped when `known` is empty, i.e. not checkable). */
export function checkRef(
  f: RawFeature,
  key: string,
  known: ReadonlySet<string> | null,
  errors: string[],
): string {
  const v = checkText(f, key, errors);
  if (v !== '' && known !== null && !known.has(v)) {
    errors.push(`${f.where}.properties.${key}: unknown ${key.replace(/Id$/, '')} ${show(v)}`);
  }
  return v;
}
