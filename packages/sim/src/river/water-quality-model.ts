import type { TargetWaterClass } from '@cbo/contracts';
import { normal4 } from '../hash';
import { RESPONSE_SLOT_MS } from './gauge-response';

/** Typical concentrations (mg/L) of a station meeting its target class comfortably: DO, COD_Mn, NH3-N, TP. */
export const TYPICAL_QUALITY: Readonly<Record<TargetWaterClass, readonly [number, number, number, number]>> =
  {
    2: [7.6, 3.0, 0.3, 0.06],
    3: [6.4, 4.6, 0.65, 0.13],
    4: [5.2, 6.8, 1.1, 0.22],
    5: [4.0, 9.0, 1.6, 0.3],
  };
/** Lakes: total phosphorus scaled to the lake limits (about a third of the river limits). */
export const LAKE_TP_FACTOR = 0.35;
/** First-flush memory: pollution washed in decays with this time constant, hours. */
export const FIRST_FLUSH_DECAY_HOURS = 8;
/** Rain depth of the previous 24 h over which the wash-off of new rain falls by a factor e, mm. */
export const FIRST_FLUSH_DEPLETION_MM = 10;
/** Relative rise per mm of effective first-flush load: COD_Mn, NH3-N, TP; and DO drop, mg/L per mm. */
export const FIRST_FLUSH_GAIN = { codMn: 0.15, nh3n: 0.25, tp: 0.25, doDropPerMm: 0.3 } as const;
const STREAM_STATION = 0x7b01;
const DAY_SLOTS = 86_400_000 / RESPONSE_SLOT_MS;
const DECAY_SLOTS = Math.ceil((5 * FIRST_FLUSH_DECAY_HOURS * 3_600_000) / RESPONSE_SLOT_MS);

/** A station's seeded base concentrations and diurnal oxygen amplitude. */
export interface StationBaseline {
  doMeanMgL: number;
  doAmplitudeMgL: number;
  codMnMgL: number;
  nh3nMgL: number;
  tpMgL: number;
}

/**
 * Baseline of a station: the typical values of its target class, pollutants times exp(0.15 z) per station, and
 * one station in seven chronically polluted (pollutants times 1.6, oxygen minus 1 mg/L).
 */
export function stationBaseline(
  seed: number,
  index: number,
  target: TargetWaterClass,
  isLake: boolean,
): StationBaseline {
  const [doMgL, codMn, nh3n, tp] = TYPICAL_QUALITY[target];
  const chronic = (normal4(seed, STREAM_STATION, index, 9) + 3) / 6 > 0.79 ? 1.6 : 1;
  const f = (k: number): number => Math.exp(0.15 * normal4(seed, STREAM_STATION, index, k)) * chronic;
  return {
    doMeanMgL: doMgL - (chronic > 1 ? 1 : 0) + 0.2 * normal4(seed, STREAM_STATION, index, 4),
    doAmplitudeMgL: 1.1 + 0.2 * normal4(seed, STREAM_STATION, index, 5),
    codMnMgL: codMn * f(1),
    nh3nMgL: nh3n * f(2),
    tpMgL: tp * f(3) * (isLake ? LAKE_TP_FACTOR : 1),
  };
}

/**
 * Diurnal oxygen cycle: photosynthesis lifts DO through the day, respiration draws it down at night;
 * `sin(2π (h - 9) / 24)` peaks at 15:00 and bottoms at 03:00 local time.
 */
export function diurnalOxygenFactor(localHour: number): number {
  return Math.sin((2 * Math.PI * (localHour - 9)) / 24);
}

/**
 * Effective first-flush load at `at`, mm: each completed slot's rain depth, weighted by
 * exp(-rain of the previous 24 h / 10 mm) (the first millimetres wash the most off the streets) and decayed with
 * exp(-age / 8 h). `rainOfSlot(slot)` is the rain at the station in that slot, mm/h.
 */
export function firstFlushLoadMm(at: number, rainOfSlot: (slot: number) => number): number {
  const last = Math.floor(at / RESPONSE_SLOT_MS) - 1;
  const slotHours = RESPONSE_SLOT_MS / 3_600_000;
  const first = last - DECAY_SLOTS + 1;
  // rain depth of the 24 h before `first`, then slid forward slot by slot
  let previousMm = 0;
  for (let s = first - DAY_SLOTS; s < first; s += 1) previousMm += rainOfSlot(s) * slotHours;
  let load = 0;
  for (let s = first; s <= last; s += 1) {
    const depthMm = rainOfSlot(s) * slotHours;
    if (depthMm > 0) {
      const ageHours = (last - s + 0.5) * slotHours;
      load +=
        depthMm *
        Math.exp(-previousMm / FIRST_FLUSH_DEPLETION_MM) *
        Math.exp(-ageHours / FIRST_FLUSH_DECAY_HOURS);
    }
    previousMm += depthMm - rainOfSlot(s - DAY_SLOTS) * slotHours;
  }
  return load;
}
