import type { City } from '@cbo/city';
import { MAX_FUTURE_SKEW_MS } from '@cbo/contracts';
import { computeTrafficIndices } from '../compute-traffic-indices';
import type { TrafficIndices } from '../compute-traffic-indices';
import { DEFAULT_FRESH_FOR_MS } from '../freshness';
import { MINUTES_PER_DAY, localDayOf } from '../local-day';
import type { LocalDay } from '../local-day';
import { clampTti } from '../segment-tti';
import type { SegmentState } from '../segment-state';

/** The parts of a `City` the daily figures read. */
export type DayCity = Pick<
  City,
  | 'segmentCount'
  | 'districtIds'
  | 'segmentDistrict'
  | 'lengthM'
  | 'freeFlowKmh'
  | 'lanes'
  | 'roadClass'
  | 'segments'
>;

/**
 * Peak windows of the peak congestion delay index, local minutes since midnight, [start, end): 07:00-09:00
 * and 17:00-19:00, the morning and evening peaks of AMap's quarterly China city traffic reports.
 */
export const PEAK_WINDOWS_MINUTES: readonly (readonly [number, number])[] = [
  [420, 540],
  [1020, 1140],
];

/** Whether a local minute of the day lies in a peak window. */
export function isPeakMinute(minute: number): boolean {
  for (const [start, end] of PEAK_WINDOWS_MINUTES) if (minute >= start && minute < end) return true;
  return false;
}

/**
 * One local day's running figures: per-minute network and district TTI, and per-segment sums of TTI over the
 * peak minutes. Fed by {@link accumulateTick}, read by `summarizeDay` and `daySeries`.
 */
export interface DayAccumulator extends LocalDay {
  readonly city: DayCity;
  readonly utcOffsetMinutes: number;
  readonly freshForMs: number;
  /** Network TTI per local minute, NaN where unknown. */
  readonly networkTti: Float32Array;
  /** District TTI per minute: `districtTti[d * 1440 + minute]`, NaN where unknown. */
  readonly districtTti: Float32Array;
  /** Per segment: Σ segment TTI over the peak minutes with a fresh reading. */
  readonly segmentPeakTtiSum: Float64Array;
  /** Per segment: peak minutes with a fresh reading. */
  readonly segmentPeakMinutes: Uint16Array;
  /** Last minute recorded, -1 before the first. */
  lastMinute: number;
}

/**
 * Creates the accumulator of the local day starting at `dayStart` (any instant of the day is accepted and
 * rounded down to local midnight).
 */
export function createDayAccumulator(
  city: DayCity,
  dayStart: number,
  utcOffsetMinutes: number,
  options?: { freshForMs?: number },
): DayAccumulator {
  const day = localDayOf(dayStart, utcOffsetMinutes);
  return {
    ...day,
    city,
    utcOffsetMinutes,
    freshForMs: options?.freshForMs ?? DEFAULT_FRESH_FOR_MS,
    networkTti: new Float32Array(MINUTES_PER_DAY).fill(Number.NaN),
    districtTti: new Float32Array(MINUTES_PER_DAY * city.districtIds.length).fill(Number.NaN),
    segmentPeakTtiSum: new Float64Array(city.segmentCount),
    segmentPeakMinutes: new Uint16Array(city.segmentCount),
    lastMinute: -1,
  };
}

/**
 * Records the first tick of each local minute of the day: network and district TTI (from `indices` when the
 * caller already computed them at `now`, else computed here), and in peak minutes each fresh segment's TTI.
 * Later ticks of an already recorded minute, and ticks outside the day, return false at once, so the server
 * can call this every tick.
 *
 * @returns true when the tick was recorded
 */
export function accumulateTick(
  acc: DayAccumulator,
  state: SegmentState,
  now: number,
  indices?: TrafficIndices,
): boolean {
  const minute = Math.floor((now - acc.dayStart) / 60_000);
  if (minute < 0 || minute >= MINUTES_PER_DAY || minute <= acc.lastMinute) return false;
  acc.lastMinute = minute;
  const { network, districts } =
    indices ?? computeTrafficIndices(acc.city, state, now, { freshForMs: acc.freshForMs });
  if (network.tti !== null) acc.networkTti[minute] = network.tti;
  for (let d = 0; d < districts.length; d += 1) {
    const tti = districts[d]!.tti;
    if (tti !== null) acc.districtTti[d * MINUTES_PER_DAY + minute] = tti;
  }
  if (!isPeakMinute(minute)) return true;
  const { freeFlowKmh } = acc.city;
  const { speedKmh, observedAt } = state;
  const oldestFresh = now - acc.freshForMs;
  const latestUsable = now + MAX_FUTURE_SKEW_MS;
  for (let i = 0; i < state.count; i += 1) {
    const at = observedAt[i]!;
    if (at <= 0 || at < oldestFresh || at > latestUsable) continue;
    acc.segmentPeakTtiSum[i]! += clampTti(freeFlowKmh[i]! / speedKmh[i]!);
    acc.segmentPeakMinutes[i]! += 1;
  }
  return true;
}

/** A day's per-minute TTI series per area, the forecaster's learning input. */
export interface DaySeries {
  dayStart: number;
  weekend: boolean;
  /** `'network'` then the district ids. */
  areaIds: string[];
  /** Per area, 1,440 per-minute TTI values (NaN where unknown), same order as `areaIds`. */
  tti: Float32Array[];
}

/** The accumulator's per-minute series (views, not copies). */
export function daySeries(acc: DayAccumulator): DaySeries {
  const districtCount = acc.city.districtIds.length;
  const tti = [acc.networkTti];
  for (let d = 0; d < districtCount; d += 1) {
    tti.push(acc.districtTti.subarray(d * MINUTES_PER_DAY, (d + 1) * MINUTES_PER_DAY));
  }
  return { dayStart: acc.dayStart, weekend: acc.weekend, areaIds: ['network', ...acc.city.districtIds], tti };
}
