import { LEVEL_DATUMS, TARGET_WATER_CLASSES, WATER_CLASS_LABELS } from '@cbo/contracts';
import type {
  Gauge,
  LevelDatum,
  RiverCamera,
  RiverNetworkDocument,
  RiverReach,
  TargetWaterClass,
  WaterQualityStation,
} from '@cbo/contracts';
import {
  checkId,
  checkNumber,
  checkPoint,
  checkPositions,
  checkRef,
  checkText,
  rawFeatures,
  show,
} from './river-fixture-checks';
import type { RawFeature } from './river-fixture-checks';
import type { RiverFixture } from './river-network';

/** Characteristic levels in the order they must rise, with the property names of the fixture. */
export const GAUGE_LEVEL_KEYS = [
  'normalLevelM',
  'setUpLevelM',
  'warningLevelM',
  'guaranteedLevelM',
  'historicMaxLevelM',
] as const;

const TARGET_LABELS = TARGET_WATER_CLASSES.map((c) => WATER_CLASS_LABELS[c - 1]);

function validateReach(
  f: RawFeature,
  seen: Set<string>,
  waterIds: ReadonlySet<string> | null,
  errors: string[],
) {
  const id = checkId(f, seen, errors);
  const nameZh = checkText(f, 'nameZh', errors);
  const nameEn = checkText(f, 'nameEn', errors);
  const waterId = checkRef(f, 'waterId', waterIds, errors);
  const lists: Record<'gaugeIds' | 'stationIds' | 'cameraIds', string[]> = {
    gaugeIds: [],
    stationIds: [],
    cameraIds: [],
  };
  for (const key of ['gaugeIds', 'stationIds', 'cameraIds'] as const) {
    const v = f.props[key];
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) {
      errors.push(`${f.where}.properties.${key}: expected an array of ids, got ${show(v)}`);
    } else lists[key] = v as string[];
  }
  const reach: RiverReach = { id, nameZh, nameEn, waterId, ...lists };
  const { type, coordinates } = f.geometry;
  if (type === 'LineString') {
    const line = checkPositions(coordinates, 2, `${f.where}.geometry.coordinates`, errors);
    if (line) reach.line = line;
  } else if (type === 'Polygon' && Array.isArray(coordinates) && coordinates.length > 0) {
    const rings = coordinates.map((r, i) =>
      checkPositions(r, 4, `${f.where}.geometry.coordinates[${i}]`, errors),
    );
    if (rings.every((r) => r !== null)) reach.polygon = rings as NonNullable<RiverReach['polygon']>;
  } else {
    errors.push(`${f.where}.geometry.type: expected LineString or Polygon, got ${show(type)}`);
  }
  return reach;
}

function validateGauge(f: RawFeature, seen: Set<string>, ctx: Context, errors: string[]): Gauge | null {
  const id = checkId(f, seen, errors);
  const position = checkPoint(f, errors);
  const levels = GAUGE_LEVEL_KEYS.map((key) => checkNumber(f, key, errors));
  for (let i = 1; i < levels.length; i += 1) {
    const below = levels[i - 1] as number;
    const level = levels[i] as number;
    if (!(level > below)) {
      errors.push(
        `${f.where}.properties.${GAUGE_LEVEL_KEYS[i]}: expected above ${GAUGE_LEVEL_KEYS[i - 1]} (${below}), got ${show(level)}`,
      );
    }
  }
  const datum = f.props.datum as LevelDatum;
  if (!(LEVEL_DATUMS as readonly unknown[]).includes(datum)) {
    errors.push(`${f.where}.properties.datum: expected one of ${LEVEL_DATUMS.join('|')}, got ${show(datum)}`);
  }
  const catchmentKm2 = checkNumber(f, 'catchmentKm2', errors);
  if (catchmentKm2 <= 0) errors.push(`${f.where}.properties.catchmentKm2: expected > 0, got ${catchmentKm2}`);
  const gauge: Gauge = {
    id,
    nameZh: checkText(f, 'nameZh', errors),
    nameEn: checkText(f, 'nameEn', errors),
    position: position ?? [0, 0],
    waterId: checkRef(f, 'waterId', ctx.waterIds, errors),
    riverNameZh: checkText(f, 'riverNameZh', errors),
    riverNameEn: checkText(f, 'riverNameEn', errors),
    reachId: checkRef(f, 'reachId', ctx.reachIds, errors),
    datum,
    normalLevelM: levels[0] as number,
    setUpLevelM: levels[1] as number,
    warningLevelM: levels[2] as number,
    guaranteedLevelM: levels[3] as number,
    historicMaxLevelM: levels[4] as number,
    catchmentKm2,
  };
  return position ? gauge : null;
}

function validateStation(f: RawFeature, seen: Set<string>, ctx: Context, errors: string[]) {
  const id = checkId(f, seen, errors);
  const position = checkPoint(f, errors);
  const label = f.props.targetClass;
  const index = TARGET_LABELS.indexOf(label as (typeof TARGET_LABELS)[number]);
  if (index < 0) {
    errors.push(
      `${f.where}.properties.targetClass: expected one of ${TARGET_LABELS.join('|')}, got ${show(label)}`,
    );
  }
  if (typeof f.props.isLake !== 'boolean') {
    errors.push(`${f.where}.properties.isLake: expected a boolean, got ${show(f.props.isLake)}`);
  }
  const station: WaterQualityStation = {
    id,
    nameZh: checkText(f, 'nameZh', errors),
    nameEn: checkText(f, 'nameEn', errors),
    position: position ?? [0, 0],
    waterId: checkRef(f, 'waterId', ctx.waterIds, errors),
    reachId: checkRef(f, 'reachId', ctx.reachIds, errors),
    targetClass: (TARGET_WATER_CLASSES[index] ?? 3) as TargetWaterClass,
    isLake: f.props.isLake === true,
  };
  return position ? station : null;
}

function validateCamera(
  f: RawFeature,
  seen: Set<string>,
  ctx: Context,
  errors: string[],
): RiverCamera | null {
  const id = checkId(f, seen, errors);
  const position = checkPoint(f, errors);
  const camera: RiverCamera = {
    id,
    nameZh: checkText(f, 'nameZh', errors),
    nameEn: checkText(f, 'nameEn', errors),
    position: position ?? [0, 0],
    waterId: checkRef(f, 'waterId', ctx.waterIds, errors),
    reachId: checkRef(f, 'reachId', ctx.reachIds, errors),
  };
  return position ? camera : null;
}

interface Context {
  waterIds: ReadonlySet<string> | null;
  reachIds: ReadonlySet<string>;
}

/** Every item a reach lists must exist and name that reach back, and every item must be listed by its reach. */
function checkMembership(
  reaches: readonly RiverReach[],
  items: readonly { id: string; reachId: string }[],
  key: 'gaugeIds' | 'stationIds' | 'cameraIds',
  errors: string[],
): void {
  const reachOf = new Map(items.map((item) => [item.id, item.reachId]));
  const listed = new Set<string>();
  reaches.forEach((reach, i) => {
    for (const id of reach[key]) {
      listed.add(id);
      if (reachOf.get(id) !== reach.id) {
        errors.push(
          `reaches.features[${i}].properties.${key}: ${show(id)} is unknown or names another reach`,
        );
      }
    }
  });
  for (const item of items) {
    if (!listed.has(item.id))
      errors.push(`${key}: ${show(item.id)} is not listed by its reach ${show(item.reachId)}`);
  }
}

/**
 * Validates the river fixture. `waterIds` (the city's water feature ids), when given, must contain every
 * `waterId`. Errors name the file, the feature index, the property and the bad value.
 */
export function validateRiverFixture(
  fixture: RiverFixture,
  waterIds?: ReadonlySet<string>,
): { document: RiverNetworkDocument } | { errors: string[] } {
  const errors: string[] = [];
  const reachSeen = new Set<string>();
  const ctxWater = waterIds ?? null;
  const reaches = rawFeatures(fixture.reaches, 'reaches', errors).map((f) =>
    validateReach(f, reachSeen, ctxWater, errors),
  );
  const ctx: Context = { waterIds: ctxWater, reachIds: new Set(reaches.map((r) => r.id)) };
  const seen = new Set<string>();
  const keep = <T>(list: (T | null)[]): T[] => list.filter((x): x is T => x !== null);
  const gauges = keep(
    rawFeatures(fixture.gauges, 'gauges', errors).map((f) => validateGauge(f, seen, ctx, errors)),
  );
  const stations = keep(
    rawFeatures(fixture.stations, 'stations', errors).map((f) => validateStation(f, seen, ctx, errors)),
  );
  const cameras = keep(
    rawFeatures(fixture.cameras, 'cameras', errors).map((f) => validateCamera(f, seen, ctx, errors)),
  );
  if (errors.length === 0) {
    checkMembership(reaches, gauges, 'gaugeIds', errors);
    checkMembership(reaches, stations, 'stationIds', errors);
    checkMembership(reaches, cameras, 'cameraIds', errors);
  }
  if (reaches.length > 65_535) errors.push(`reaches: at most 65535 reaches, got ${reaches.length}`);
  return errors.length > 0 ? { errors } : { document: { gauges, stations, cameras, reaches } };
}
