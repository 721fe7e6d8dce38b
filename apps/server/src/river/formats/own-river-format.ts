import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { RiverNetwork } from '@cbo/city';
import {
  GaugeLevelInputSchema,
  WaterQualityInputSchema,
  type GaugeLevelInput,
  type RejectedItem,
  type WaterQualityInput,
} from '@cbo/contracts';
import { describeObservationError } from '../../ingest/observation-validator';
import { QUALITY_PARAMETERS, type QualityParameter } from '../river-state';
import {
  inputTime,
  levelProblem,
  qualityProblem,
  timeProblem,
  type MappedLevel,
  type MappedQuality,
} from './river-plausibility';

const ajv = new Ajv({ allErrors: false, strict: false });
addFormats(ajv, ['date-time']);
const validateLevel = ajv.compile<GaugeLevelInput>(GaugeLevelInputSchema);
const validateQuality = ajv.compile<WaterQualityInput>(WaterQualityInputSchema);

/** True when an item is in the project's own format (it names a gauge or a station). */
export function isOwnRiverItem(item: Record<string, unknown>): boolean {
  return 'gaugeId' in item || 'stationId' in item;
}

/**
 * Maps one item of the project's own format: `{ gaugeId, observedAt, levelM, flowM3s? }` or
 * `{ stationId, observedAt, doMgL?, codMnMgL?, nh3nMgL?, tpMgL?, ph?, turbidityNtu?, waterTemperatureC? }`.
 * Units are in the names; unknown gauges or stations, impossible values and future times are rejected.
 */
export function mapOwnRiverItem(
  network: RiverNetwork,
  item: Record<string, unknown>,
  index: number,
  now: number,
): MappedLevel | MappedQuality | RejectedItem {
  if ('gaugeId' in item) {
    if (!validateLevel(item)) return { index, reason: describeObservationError(validateLevel.errors) };
    const gaugeIndex = network.gaugeIndexById.get(item.gaugeId);
    if (gaugeIndex === undefined)
      return { index, reason: `gaugeId: '${item.gaugeId}' is not a gauge of this city` };
    const at = inputTime(item.observedAt);
    if (at === null) return { index, reason: `observedAt: '${String(item.observedAt)}' has no UTC offset` };
    const late = timeProblem('observedAt', at, now);
    if (late) return { index, reason: late };
    const flowM3s = item.flowM3s ?? null;
    const problem = levelProblem(network.gauges[gaugeIndex]!, item.levelM, flowM3s);
    if (problem) return { index, reason: problem };
    return { index, gaugeIndex, at, levelM: item.levelM, flowM3s };
  }
  if (!validateQuality(item)) return { index, reason: describeObservationError(validateQuality.errors) };
  const stationIndex = network.stationIndexById.get(item.stationId);
  if (stationIndex === undefined) {
    return { index, reason: `stationId: '${item.stationId}' is not a water-quality station of this city` };
  }
  const at = inputTime(item.observedAt);
  if (at === null) return { index, reason: `observedAt: '${String(item.observedAt)}' has no UTC offset` };
  const late = timeProblem('observedAt', at, now);
  if (late) return { index, reason: late };
  const values: Partial<Record<QualityParameter, number>> = {};
  for (const p of QUALITY_PARAMETERS) if (item[p] !== undefined) values[p] = item[p];
  const problem = qualityProblem(values);
  if (problem) return { index, reason: problem };
  return { index, stationIndex, at, values };
}
