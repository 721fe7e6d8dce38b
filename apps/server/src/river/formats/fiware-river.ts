import type { RiverNetwork } from '@cbo/city';
import type { RejectedItem } from '@cbo/contracts';
import { attributeValue } from '../../traffic/formats/fiware-traffic-flow';
import { parseZonedTime } from '../../traffic/formats/segment-mapping';
import type { QualityParameter } from '../river-state';
import {
  attributeWithUnit,
  CONCENTRATION_UNITS,
  convertUnit,
  FLOW_UNITS,
  LEVEL_UNITS,
  TEMPERATURE_UNITS,
  TURBIDITY_UNITS,
} from './fiware-units';
import { mapSite } from './fiware-site-mapping';
import {
  levelProblem,
  qualityProblem,
  timeProblem,
  type MappedLevel,
  type MappedQuality,
} from './river-plausibility';

/** FIWARE types taken at `POST /api/v1/ingest/river`. */
export const FIWARE_RIVER_TYPES = ['WaterObserved', 'FloodMonitoring', 'WaterQualityObserved'] as const;

/** Nitrogen share of ammonium (14.007 / 18.038) and of ammonia (14.007 / 17.031): NH4+ or NH3 to NH3-N. */
export const N_PER_NH4 = 14.007 / 18.038;
export const N_PER_NH3 = 14.007 / 17.031;

type Mapped = MappedLevel | MappedQuality | RejectedItem;

export function entityType(entity: Record<string, unknown>): string {
  const type = entity['type'];
  return typeof type === 'string' ? type.replace(/^.*[#/]/, '') : '';
}

function observedAt(
  entity: Record<string, unknown>,
  fields: readonly string[],
  now: number,
): number | { reason: string } {
  for (const field of fields) {
    const value = attributeValue(entity, field);
    if (value === undefined) continue;
    const text = typeof value === 'string' ? (value.split('/').pop() ?? value) : value;
    const at = parseZonedTime(text);
    if (at === null) return { reason: `${field}: '${String(value)}' is not a date-time with a UTC offset` };
    const problem = timeProblem(field, at, now);
    return problem ? { reason: problem } : at;
  }
  return { reason: `${fields.join(' or ')} missing` };
}

function mapLevelEntity(
  network: RiverNetwork,
  entity: Record<string, unknown>,
  index: number,
  now: number,
): Mapped {
  const type = entityType(entity);
  const levelField = type === 'FloodMonitoring' ? 'currentLevel' : 'waterLevel';
  const levelAttr = attributeWithUnit(entity, levelField);
  if (levelAttr === undefined) return { index, reason: `${levelField} missing` };
  const levelM = convertUnit(levelField, levelAttr, LEVEL_UNITS, 'MTR');
  if (typeof levelM !== 'number') return { index, ...levelM };
  let flowM3s: number | null = null;
  const flowAttr = type === 'WaterObserved' ? attributeWithUnit(entity, 'flow') : undefined;
  // WaterObserved documents no default unit for flow: a flow without unitCode is left out, never guessed.
  if (flowAttr !== undefined && flowAttr.unitCode !== null) {
    const flow = convertUnit('flow', flowAttr, FLOW_UNITS, 'MQS');
    if (typeof flow !== 'number') return { index, ...flow };
    flowM3s = flow;
  }
  const at = observedAt(
    entity,
    type === 'FloodMonitoring' ? ['observationDateTime', 'dateObserved'] : ['dateObserved'],
    now,
  );
  if (typeof at !== 'number') return { index, ...at };
  const site = mapSite(network, entity, 'gauge');
  if ('reason' in site) return { index, reason: site.reason };
  const problem = levelProblem(network.gauges[site.index]!, levelM, flowM3s);
  if (problem) return { index, reason: problem };
  return { index, gaugeIndex: site.index, at, levelM: Math.round(levelM * 1000) / 1000, flowM3s };
}

/** COD_Mn from a `measurand` entry "CODMn, 3.2, M1, Permanganate index", in mg/L. */
function codMnFromMeasurand(entity: Record<string, unknown>): number | { reason: string } | undefined {
  const list = attributeValue(entity, 'measurand');
  if (!Array.isArray(list)) return undefined;
  for (const entry of list) {
    if (typeof entry !== 'string') continue;
    const [name, value, unit] = entry.split(',').map((part) => part.trim());
    if (!/^(COD_?Mn|IMn|permanganate)/i.test(name ?? '')) continue;
    return convertUnit(
      'measurand CODMn',
      { value: Number(value), unitCode: unit || null },
      CONCENTRATION_UNITS,
      'M1',
    );
  }
  return undefined;
}

function mapQualityEntity(
  network: RiverNetwork,
  entity: Record<string, unknown>,
  index: number,
  now: number,
): Mapped {
  const values: Partial<Record<QualityParameter, number>> = {};
  const take: [string, QualityParameter, Readonly<Record<string, number>>, string, number][] = [
    ['O2', 'doMgL', CONCENTRATION_UNITS, 'M1', 1],
    ['CODMn', 'codMnMgL', CONCENTRATION_UNITS, 'M1', 1],
    ['NH4', 'nh3nMgL', CONCENTRATION_UNITS, 'M1', N_PER_NH4],
    ['NH3', 'nh3nMgL', CONCENTRATION_UNITS, 'M1', N_PER_NH3],
    ['P-TOT', 'tpMgL', CONCENTRATION_UNITS, 'M1', 1],
    ['temperature', 'waterTemperatureC', TEMPERATURE_UNITS, 'CEL', 1],
    ['turbidity', 'turbidityNtu', TURBIDITY_UNITS, 'NTU', 1],
  ];
  for (const [name, parameter, units, defaultUnit, factor] of take) {
    const attribute = attributeWithUnit(entity, name);
    if (attribute === undefined) continue;
    const value = convertUnit(name, attribute, units, defaultUnit);
    if (typeof value !== 'number') return { index, ...value };
    values[parameter] = Math.round(value * factor * 10_000) / 10_000;
  }
  const ph = attributeValue(entity, 'pH');
  if (ph !== undefined) {
    if (typeof ph !== 'number') return { index, reason: `pH: must be a number, got ${JSON.stringify(ph)}` };
    values.ph = ph;
  }
  if (values.codMnMgL === undefined) {
    const codMn = codMnFromMeasurand(entity);
    if (typeof codMn === 'object') return { index, ...codMn };
    if (codMn !== undefined) values.codMnMgL = codMn;
  }
  const at = observedAt(entity, ['dateObserved'], now);
  if (typeof at !== 'number') return { index, ...at };
  const site = mapSite(network, entity, 'station');
  if ('reason' in site) return { index, reason: site.reason };
  const problem = qualityProblem(values);
  if (problem) return { index, reason: problem };
  return { index, stationIndex: site.index, at, values };
}

/**
 * Maps one FIWARE entity (key-values, normalized NGSI-v2 or NGSI-LD): `WaterObserved` (`waterLevel`, `flow`
 * with a unit code) and `FloodMonitoring` (`currentLevel`) to a gauge reading; `WaterQualityObserved` (`O2`,
 * `NH4` or `NH3` as nitrogen, `P-TOT`, `CODMn` or a `measurand` entry, `pH`, `temperature`, `turbidity`) to a
 * station sample. Units are checked against their unit codes (docs/rivers.md).
 */
export function mapFiwareRiverEntity(
  network: RiverNetwork,
  entity: Record<string, unknown>,
  index: number,
  now: number,
): Mapped {
  const type = entityType(entity);
  if (type === 'WaterObserved' || type === 'FloodMonitoring')
    return mapLevelEntity(network, entity, index, now);
  if (type === 'WaterQualityObserved') return mapQualityEntity(network, entity, index, now);
  return {
    index,
    reason: `type: expected one of ${FIWARE_RIVER_TYPES.join(', ')}, got '${String(entity['type'])}'`,
  };
}
