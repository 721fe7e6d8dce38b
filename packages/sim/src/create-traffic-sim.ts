import type { City } from '@cbo/city';
import { MAX_PLAUSIBLE_SPEED_KMH } from '@cbo/contracts';
import type { TrafficObservation } from '@cbo/contracts';
import { demandRatio } from './demand-profile';
import { triangular1, uniform4 } from './hash';
import { effectFactor, incidentsForDay } from './incidents';
import type { DayIncidents, IncidentEffect, SimIncident } from './incidents';
import { DAY_MS, localTime } from './local-time';
import { buildSegmentProfile, sortByPhase } from './segment-profile';

/** Options of {@link createTrafficSim}. */
export interface TrafficSimOptions {
  /** Seed of every random draw; the same seed gives the same days. */
  seed: number;
  /** Each segment reports once per this period, ms. @default 60_000 */
  reportEveryMs?: number;
  /** Offset of local time from UTC, minutes (no DST); decides the day's shape. @default 480 (Asia/Shanghai) */
  utcOffsetMinutes?: number;
  /** Mean incidents per local day per 1,000 segments. @default 8 */
  incidentsPerDayPer1000Segments?: number;
  /**
   * Weather factor on speed, 0 < factor <= 1 (1: no effect), e.g. from rain over the segment's district
   * (`rainSpeedFactor`). Must be a pure function of (segment index, time) so the sim stays deterministic.
   * @default none (factor 1)
   */
  speedFactorAt?: (segmentIndex: number, at: number) => number;
}

/** A running traffic simulator. */
export interface TrafficSim {
  /** Observations with observedAt in (previous now, now], in time order; independent of the step size. */
  advance(now: number): TrafficObservation[];
  /** Incidents active at `at` (ground truth). */
  incidentsActiveAt(at: number): SimIncident[];
  /** Model speed of a segment at `at`, km/h, without measurement noise. */
  speedAt(segmentIndex: number, at: number): number;
}

/** BPR (Bureau of Public Roads) volume-delay function tt = tt0 (1 + alpha (d/c)^beta), alpha 0.15, beta 4. */
const BPR_ALPHA = 0.15;
/** Lowest congestion speed before incidents, as a share of free flow. */
const MIN_SPEED_FRACTION = 0.12;
/** Lowest speed the sim ever reports, km/h. */
const MIN_SPEED_KMH = 1;
/** Slow per-segment demand wobble: slot length and amplitude (+-). */
const WOBBLE_SLOT_MS = 15 * 60_000;
const WOBBLE_AMPLITUDE = 0.08;
/** Standard deviation of the multiplicative measurement noise. */
const NOISE_SIGMA = 0.05;
const STREAM_WOBBLE = 0x3a11;
const STREAM_NOISE = 0x3a12;
const DAY_CACHE_SIZE = 8;

/**
 * Creates a deterministic traffic simulator over `city`, starting its clock at `startAt` (epoch ms).
 * Every observation is a pure function of (seed, segment index, report time); see docs/indices.md.
 *
 * @throws RangeError on a non-integer seed or non-positive report period
 */
export function createTrafficSim(city: City, options: TrafficSimOptions, startAt: number): TrafficSim {
  const seed = options.seed;
  const reportEveryMs = options.reportEveryMs ?? 60_000;
  const utcOffsetMinutes = options.utcOffsetMinutes ?? 480;
  const incidentRate = options.incidentsPerDayPer1000Segments ?? 8;
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!Number.isInteger(reportEveryMs) || reportEveryMs < 1) {
    throw new RangeError(`reportEveryMs must be a positive integer, got ${reportEveryMs}`);
  }
  if (!(incidentRate >= 0))
    throw new RangeError(`incidentsPerDayPer1000Segments must be >= 0, got ${incidentRate}`);

  const profile = buildSegmentProfile(city, seed, reportEveryMs);
  const { order, sortedPhaseMs } = sortByPhase(profile.phaseMs);
  const dayCache = new Map<number, DayIncidents>();
  let previousNow = startAt;

  function incidentsOfDay(day: number): DayIncidents {
    let entry = dayCache.get(day);
    if (!entry) {
      entry = incidentsForDay(seed, day, city.upstream, incidentRate, utcOffsetMinutes);
      if (dayCache.size >= DAY_CACHE_SIZE) dayCache.delete(dayCache.keys().next().value!);
      dayCache.set(day, entry);
    }
    return entry;
  }

  let cachedDay = Number.NaN;
  let cachedEffects: Map<number, IncidentEffect[]>[] = [];
  function incidentFactor(i: number, at: number, day: number): number {
    if (day !== cachedDay) {
      cachedEffects = [incidentsOfDay(day - 1).effects, incidentsOfDay(day).effects];
      cachedDay = day;
    }
    let factor = 1;
    for (const effects of cachedEffects) {
      const list = effects.get(i);
      if (list) for (const effect of list) factor = Math.min(factor, effectFactor(effect, at));
    }
    return factor;
  }

  // Outputs of modelSpeed besides the speed, kept in the closure so that the hot path allocates nothing.
  let lastRatio = 0;
  let lastIncidentFactor = 1;

  /** Model speed (no noise) of segment i at `at`; also sets lastRatio and lastIncidentFactor. */
  function modelSpeed(i: number, at: number): number {
    const local = at + utcOffsetMinutes * 60_000;
    const day = Math.floor(local / DAY_MS);
    const dayOfWeek = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
    const slot = Math.floor(at / WOBBLE_SLOT_MS);
    const frac = at / WOBBLE_SLOT_MS - slot;
    const w0 = uniform4(seed, STREAM_WOBBLE, i, slot);
    const w1 = uniform4(seed, STREAM_WOBBLE, i, slot + 1);
    const wobble = 1 + WOBBLE_AMPLITUDE * 2 * (w0 + (w1 - w0) * frac - 0.5);
    const minuteOfDay = (local - day * DAY_MS) / 60_000;
    const ratio =
      demandRatio(minuteOfDay, dayOfWeek === 0 || dayOfWeek === 6) * profile.demandFactor[i]! * wobble;
    const vf = city.freeFlowKmh[i]!;
    const ratio2 = ratio * ratio;
    const congested = vf / (1 + profile.fixedDelay[i]! + BPR_ALPHA * ratio2 * ratio2); // BPR, beta = 4
    const incident = incidentFactor(i, at, day);
    lastRatio = ratio;
    lastIncidentFactor = incident;
    const weather = options.speedFactorAt ? Math.min(1, Math.max(0.1, options.speedFactorAt(i, at))) : 1;
    return Math.max(MIN_SPEED_KMH, Math.max(congested, vf * MIN_SPEED_FRACTION) * incident * weather);
  }

  function observe(i: number, at: number, cycle: number): TrafficObservation {
    const model = modelSpeed(i, at);
    const noisy = model * (1 + NOISE_SIGMA * triangular1(seed, STREAM_NOISE, i, cycle));
    const speedKmh = Math.round(Math.min(MAX_PLAUSIBLE_SPEED_KMH, Math.max(MIN_SPEED_KMH, noisy)) * 10) / 10;
    // An incident blocks capacity: what passes falls with the square root of the speed factor.
    const flowVph = Math.round(
      Math.min(lastRatio, 1) * profile.capacityVph[i]! * Math.sqrt(lastIncidentFactor),
    );
    return { segmentId: city.segments[i]!.id, observedAt: at, speedKmh, flowVph, source: 'sim' };
  }

  return {
    advance(now: number): TrafficObservation[] {
      const out: TrafficObservation[] = [];
      if (!(now > previousNow)) return out;
      const lastCycle = Math.floor(now / reportEveryMs);
      for (let cycle = Math.floor(previousNow / reportEveryMs); cycle <= lastCycle; cycle += 1) {
        const cycleStart = cycle * reportEveryMs;
        const above = previousNow - cycleStart; // phase must be > above
        const upTo = now - cycleStart; // and <= upTo
        for (
          let k = firstAbove(sortedPhaseMs, above);
          k < order.length && sortedPhaseMs[k]! <= upTo;
          k += 1
        ) {
          const i = order[k]!;
          out.push(observe(i, cycleStart + sortedPhaseMs[k]!, cycle));
        }
      }
      previousNow = now;
      return out;
    },
    incidentsActiveAt(at: number): SimIncident[] {
      const { day } = localTime(at, utcOffsetMinutes);
      return [...incidentsOfDay(day - 1).incidents, ...incidentsOfDay(day).incidents].filter(
        (incident) => incident.startAt <= at && at < incident.endAt,
      );
    },
    speedAt(segmentIndex: number, at: number): number {
      if (!Number.isInteger(segmentIndex) || segmentIndex < 0 || segmentIndex >= city.segmentCount) {
        throw new RangeError(`segment index ${segmentIndex} out of range 0..${city.segmentCount - 1}`);
      }
      return modelSpeed(segmentIndex, at);
    },
  };
}

/** Index of the first value strictly greater than `bound` in an ascending array. */
function firstAbove(sorted: Float64Array, bound: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! > bound) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
