import type { Gauge } from '@cbo/contracts';

/** Rain is integrated on absolute 5-minute slots, so a level is a pure function of its time. */
export const RESPONSE_SLOT_MS = 300_000;
/** Runoff coefficient C of the rational method for the city's mostly paved catchments. */
export const RUNOFF_COEFFICIENT = 0.65;
/** Baseflow per km² of catchment, m³/s, that holds the normal level. */
export const BASEFLOW_M3S_PER_KM2 = 0.03;
/** Sustained rain whose equilibrium runoff brings the guaranteed level, mm/h. */
export const DESIGN_RAIN_MM_PER_H = 30;
/** Exponent b of the rating curve Q = a (h - h0)^b (5/3: wide channel, Manning). */
export const RATING_EXPONENT = 5 / 3;

/** The hydrological parameters of one gauge, derived from its fixture entry. */
export interface GaugeResponse {
  /** Storage constant k of each of the two linear reservoirs in series, hours. */
  storageHours: number;
  baseflowM3s: number;
  /** Runoff discharge per mm/h of rain on the catchment: C · A / 3.6, m³/s per mm/h. */
  runoffM3sPerMmH: number;
  /** Rating curve Q = a (h - h0)^b. */
  ratingA: number;
  ratingH0M: number;
  /** Kernel weights per slot lag (index 0: the slot just completed), summing to 1. */
  weights: Float64Array;
}

/**
 * Derives a gauge's response: k = clamp(0.6 + 0.3·sqrt(A km²), 0.75, 8) h (twice that on a lake), a Nash cascade
 * of two reservoirs (unit response τ/k² · e^(-τ/k), peaking k hours after a burst) cut at 8k, and a rating curve
 * through (baseflow, normal level) and (baseflow + C·A·30 mm/h / 3.6, guaranteed level).
 */
export function gaugeResponse(gauge: Gauge, isLake: boolean): GaugeResponse {
  const area = gauge.catchmentKm2;
  const storageHours = Math.min(8, Math.max(0.75, 0.6 + 0.3 * Math.sqrt(area))) * (isLake ? 2 : 1);
  const baseflowM3s = BASEFLOW_M3S_PER_KM2 * area;
  const runoffM3sPerMmH = (RUNOFF_COEFFICIENT * area) / 3.6;
  const designM3s = baseflowM3s + runoffM3sPerMmH * DESIGN_RAIN_MM_PER_H;
  const r = (designM3s / baseflowM3s) ** (1 / RATING_EXPONENT);
  const ratingH0M = (r * gauge.normalLevelM - gauge.guaranteedLevelM) / (r - 1);
  const ratingA = baseflowM3s / (gauge.normalLevelM - ratingH0M) ** RATING_EXPONENT;
  const slotHours = RESPONSE_SLOT_MS / 3_600_000;
  const count = Math.ceil((8 * storageHours) / slotHours);
  const weights = new Float64Array(count);
  let sum = 0;
  for (let j = 0; j < count; j += 1) {
    const tau = (j + 0.5) * slotHours;
    weights[j] = (tau / storageHours ** 2) * Math.exp(-tau / storageHours);
    sum += weights[j] as number;
  }
  for (let j = 0; j < count; j += 1) weights[j] = (weights[j] as number) / sum;
  return { storageHours, baseflowM3s, runoffM3sPerMmH, ratingA, ratingH0M, weights };
}

/** Level for a discharge by the rating curve h = h0 + (Q / a)^(1/b), metres. */
export function levelForFlowM(response: GaugeResponse, flowM3s: number): number {
  return response.ratingH0M + (Math.max(0, flowM3s) / response.ratingA) ** (1 / RATING_EXPONENT);
}

/**
 * Discharge at `at`, m³/s: baseflow plus the kernel-weighted runoff of the completed slots before `at`.
 * `rainOfSlot(slot)` gives the rain on the catchment in slot `slot` (slot = floor(t / RESPONSE_SLOT_MS)), mm/h.
 */
export function flowAtM3s(response: GaugeResponse, at: number, rainOfSlot: (slot: number) => number): number {
  const last = Math.floor(at / RESPONSE_SLOT_MS) - 1;
  let runoff = 0;
  const { weights } = response;
  for (let j = 0; j < weights.length; j += 1) {
    const rain = rainOfSlot(last - j);
    if (rain > 0) runoff += (weights[j] as number) * rain;
  }
  return response.baseflowM3s + response.runoffM3sPerMmH * runoff;
}
