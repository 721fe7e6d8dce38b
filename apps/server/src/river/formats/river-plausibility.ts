import type { Gauge, RejectedItem } from '@cbo/contracts';
import { MAX_FUTURE_SKEW_MS } from '@cbo/contracts';
import type { QualityParameter } from '../river-state';

/** A level reading mapped from any format, with its index in the posted batch. */
export interface MappedLevel {
  index: number;
  gaugeIndex: number;
  at: number;
  levelM: number;
  flowM3s: number | null;
}

/** A water-quality sample mapped from any format. */
export interface MappedQuality {
  index: number;
  stationIndex: number;
  at: number;
  values: Partial<Record<QualityParameter, number>>;
}

/** What a river format parser returns. */
export interface MappedRiverBatch {
  levels: MappedLevel[];
  quality: MappedQuality[];
  rejected: RejectedItem[];
}

/** How far below the normal level and above the historic maximum a level may lie and still be possible, m. */
export const LEVEL_BELOW_NORMAL_M = 10;
export const LEVEL_ABOVE_HISTORIC_MAX_M = 5;
/** Largest possible discharge, m³/s (the Qiantang's record flood is about 29,000). */
export const MAX_FLOW_M3S = 100_000;

/** Possible range of each parameter (inclusive); outside is impossible, not merely bad water. */
export const PARAMETER_RANGES: Readonly<Record<QualityParameter, readonly [number, number, string]>> = {
  doMgL: [0, 20, 'mg/L'],
  codMnMgL: [0, 100, 'mg/L'],
  nh3nMgL: [0, 50, 'mg/L'],
  tpMgL: [0, 20, 'mg/L'],
  ph: [0, 14, ''],
  turbidityNtu: [0, 4000, 'NTU'],
  waterTemperatureC: [-2, 45, '°C'],
};

/** Reason a level (and flow) is impossible at `gauge`, or null. */
export function levelProblem(gauge: Gauge, levelM: number, flowM3s: number | null): string | null {
  const low = gauge.normalLevelM - LEVEL_BELOW_NORMAL_M;
  const high = gauge.historicMaxLevelM + LEVEL_ABOVE_HISTORIC_MAX_M;
  if (!Number.isFinite(levelM) || levelM < low || levelM > high) {
    return `levelM: ${levelM} m is impossible at gauge ${gauge.id} (normal ${gauge.normalLevelM} m, historic maximum ${gauge.historicMaxLevelM} m; possible ${low.toFixed(2)} to ${high.toFixed(2)} m)`;
  }
  if (flowM3s !== null && (!Number.isFinite(flowM3s) || flowM3s < 0 || flowM3s > MAX_FLOW_M3S)) {
    return `flowM3s: ${flowM3s} m³/s is impossible (0 to ${MAX_FLOW_M3S})`;
  }
  return null;
}

/** Reason one of the values is impossible, or null; also null-checks that at least one value is present. */
export function qualityProblem(values: Partial<Record<QualityParameter, number>>): string | null {
  const entries = Object.entries(values) as [QualityParameter, number][];
  if (entries.length === 0) return 'no water-quality parameter in the sample';
  for (const [parameter, value] of entries) {
    const [min, max, unit] = PARAMETER_RANGES[parameter];
    if (!Number.isFinite(value) || value < min || value > max) {
      return `${parameter}: ${value}${unit ? ` ${unit}` : ''} is impossible (${min} to ${max})`;
    }
  }
  return null;
}

/** Reason a reading time is unusable (before 1970, or more than a minute in the future), or null. */
export function timeProblem(field: string, at: number, now: number): string | null {
  if (!(at > 0)) return `${field}: not after 1970-01-01`;
  if (at > now + MAX_FUTURE_SKEW_MS) return `${field}: ${new Date(at).toISOString()} is in the future`;
  return null;
}

/** Epoch ms of an input time (epoch ms or RFC 3339 with an offset), or null. */
export function inputTime(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  if (typeof value !== 'string' || !/(Z|[+-]\d{2}:?\d{2})$/i.test(value.trim())) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : at;
}
