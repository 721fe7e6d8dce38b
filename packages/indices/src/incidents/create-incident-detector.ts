import type { City } from '@cbo/city';
import type { SuspectedIncident } from '@cbo/contracts';
import { buildDownstreamGraph } from '../city-graph';
import type { DownstreamGraph } from '../city-graph';
import type { SegmentState } from '../segment-state';
import { resolveDetectorOptions } from './detector-options';
import type { IncidentDetectorOptions, ResolvedDetectorOptions } from './detector-options';
import { pathMidpoint } from './path-midpoint';

/** The parts of a `City` the detector reads; any `City` is one. */
export type DetectorCity = Pick<City, 'segmentCount' | 'segments' | 'upstream'>;

/** Segment phases of the detector's state machine. */
export const PHASE_NORMAL = 0;
export const PHASE_PENDING = 1;
export const PHASE_RAISED = 2;

/**
 * Streaming state of the speed-drop incident detector: typed arrays per segment, mutated by `observe`.
 * Treat as opaque except {@link IncidentDetector.activeBySegment}.
 */
export interface IncidentDetector {
  readonly city: DetectorCity;
  readonly options: ResolvedDetectorOptions;
  readonly downstream: DownstreamGraph;
  /** EWMA baseline speed per segment, km/h (0 = none yet). */
  readonly baselineKmh: Float32Array;
  /** Readings folded into the baseline, capped at 65,535. */
  readonly baselineReadings: Uint16Array;
  /** Newest reading's speed over the baseline, NaN when unknown. */
  readonly ratio: Float32Array;
  /** observedAt of the newest reading processed, epoch ms. */
  readonly lastAt: Float64Array;
  readonly phase: Uint8Array;
  /** Consecutive drop readings (pending) or recovered readings (raised). */
  readonly streak: Uint16Array;
  /** First drop reading of the current pending or raised episode, epoch ms. */
  readonly episodeStart: Float64Array;
  /** No new raise on the segment before this time, epoch ms. */
  readonly cooldownUntil: Float64Array;
  /** Per segment, 1 while a suspected incident is active there: feed to `computeTrafficMetrics`. */
  readonly activeBySegment: Uint8Array;
  /** Active incidents by segment index. */
  readonly active: Map<number, SuspectedIncident>;
  /** Scratch: segments with a new reading in the current `observe`. */
  readonly changed: Uint32Array;
}

/** What one `observe` call changed. */
export interface IncidentChanges {
  raised: SuspectedIncident[];
  cleared: SuspectedIncident[];
}

/** Creates a detector for `city`; see docs/indices.md section 2.9 for the method. */
export function createIncidentDetector(
  city: DetectorCity,
  options?: IncidentDetectorOptions,
): IncidentDetector {
  const n = city.segmentCount;
  return {
    city,
    options: resolveDetectorOptions(options),
    downstream: buildDownstreamGraph(city.upstream),
    baselineKmh: new Float32Array(n),
    baselineReadings: new Uint16Array(n),
    ratio: new Float32Array(n).fill(Number.NaN),
    lastAt: new Float64Array(n),
    phase: new Uint8Array(n),
    streak: new Uint16Array(n),
    episodeStart: new Float64Array(n),
    cooldownUntil: new Float64Array(n),
    activeBySegment: new Uint8Array(n),
    active: new Map(),
    changed: new Uint32Array(n),
  };
}

/**
 * Feeds the detector every reading that is newer than the last one it saw per segment, and returns the
 * suspected incidents raised and cleared by them. Pass 1 computes each new reading's ratio to its segment's
 * baseline (so neighbours are compared on the same tick); pass 2 steps each segment's state machine.
 *
 * @throws RangeError when the state's size differs from the city's
 */
export function observe(detector: IncidentDetector, state: SegmentState, now: number): IncidentChanges {
  const { city, baselineKmh, ratio, lastAt, changed } = detector;
  if (state.count !== city.segmentCount) {
    throw new RangeError(`state has ${state.count} segments, city has ${city.segmentCount}`);
  }
  let changedCount = 0;
  for (let i = 0; i < state.count; i += 1) {
    const at = state.observedAt[i]!;
    if (at <= lastAt[i]! || at > now) continue;
    const base = baselineKmh[i]!;
    ratio[i] = base > 0 ? state.speedKmh[i]! / base : Number.NaN;
    changed[changedCount] = i;
    changedCount += 1;
  }
  const changes: IncidentChanges = { raised: [], cleared: [] };
  for (let k = 0; k < changedCount; k += 1) {
    const i = changed[k]!;
    stepSegment(detector, i, state.observedAt[i]!, state.speedKmh[i]!, now, changes);
  }
  const { maxActiveMs } = detector.options;
  for (const [i, incident] of detector.active) {
    if (now - incident.startedAt >= maxActiveMs) clearIncident(detector, i, now, changes);
  }
  return changes;
}

/** The incidents active now, oldest first. */
export function activeIncidents(detector: IncidentDetector): SuspectedIncident[] {
  return [...detector.active.values()].sort((a, b) => a.startedAt - b.startedAt);
}

function stepSegment(
  detector: IncidentDetector,
  i: number,
  at: number,
  speedKmh: number,
  now: number,
  changes: IncidentChanges,
): void {
  const { options, phase, streak, baselineReadings, episodeStart } = detector;
  const dt = at - detector.lastAt[i]!;
  detector.lastAt[i] = at;
  const r = detector.ratio[i]!;
  const judged = baselineReadings[i]! >= options.minBaselineReadings && r === r;
  const p = phase[i]!;

  if (p === PHASE_RAISED) {
    const neighbours = neighbourRatio(detector, i, now);
    const recovered =
      r >= options.clearRatio ||
      (neighbours === neighbours && neighbours - r < options.minNeighbourContrast / 2);
    streak[i] = recovered ? streak[i]! + 1 : 0;
    if (streak[i]! >= options.clearReadings) {
      clearIncident(detector, i, at, changes);
      updateBaseline(detector, i, speedKmh, dt);
    }
    return;
  }

  const neighbours = judged ? neighbourRatio(detector, i, now) : Number.NaN;
  const drop =
    judged &&
    at >= detector.cooldownUntil[i]! &&
    r < options.dropRatio &&
    (neighbours !== neighbours || neighbours - r >= options.minNeighbourContrast);
  if (!drop) {
    phase[i] = PHASE_NORMAL;
    streak[i] = 0;
    updateBaseline(detector, i, speedKmh, dt);
    return;
  }
  if (p === PHASE_NORMAL) {
    phase[i] = PHASE_PENDING;
    streak[i] = 0;
    episodeStart[i] = at;
  }
  streak[i] = streak[i]! + 1;
  if (streak[i]! >= options.persistReadings) raiseIncident(detector, i, at, r, neighbours, changes);
}

/** Folds a reading into the EWMA baseline with weight 1 - exp(-dt / tau) (the first reading sets it). */
function updateBaseline(detector: IncidentDetector, i: number, speedKmh: number, dtMs: number): void {
  const { baselineKmh, baselineReadings, options } = detector;
  const count = baselineReadings[i]!;
  if (count === 0 || baselineKmh[i]! <= 0) {
    baselineKmh[i] = speedKmh;
  } else {
    const weight = 1 - Math.exp(-Math.max(dtMs, 0) / options.baselineTauMs);
    baselineKmh[i] = baselineKmh[i]! + (speedKmh - baselineKmh[i]!) * weight;
  }
  if (count < 65_535) baselineReadings[i] = count + 1;
}

/**
 * Mean ratio of the segment's downstream neighbours with a fresh ratio, else of its upstream neighbours;
 * NaN when neither has one.
 */
function neighbourRatio(detector: IncidentDetector, i: number, now: number): number {
  const { downstream, ratio, lastAt, options, city } = detector;
  const oldest = now - options.neighbourFreshMs;
  let sum = 0;
  let count = 0;
  for (let k = downstream.offsets[i]!; k < downstream.offsets[i + 1]!; k += 1) {
    const j = downstream.targets[k]!;
    const r = ratio[j]!;
    if (r === r && lastAt[j]! >= oldest) {
      sum += Math.min(r, 1.5);
      count += 1;
    }
  }
  if (count > 0) return sum / count;
  for (const j of city.upstream[i]!) {
    const r = ratio[j]!;
    if (r === r && lastAt[j]! >= oldest) {
      sum += Math.min(r, 1.5);
      count += 1;
    }
  }
  return count > 0 ? sum / count : Number.NaN;
}

/**
 * Confidence 0-1: half from the depth of the drop below the threshold, half from the contrast with the
 * neighbours (0.3 when the segment has no neighbour to compare with).
 */
export function incidentConfidence(
  speedRatio: number,
  neighbourRatioValue: number,
  options: ResolvedDetectorOptions,
): number {
  const depth = clamp01((options.dropRatio - speedRatio) / options.dropRatio);
  const contrast =
    neighbourRatioValue === neighbourRatioValue
      ? clamp01(
          (neighbourRatioValue - speedRatio - options.minNeighbourContrast) /
            (1 - options.minNeighbourContrast),
        )
      : 0.3;
  return Math.round((0.5 + 0.25 * depth + 0.25 * contrast) * 1000) / 1000;
}

function raiseIncident(
  detector: IncidentDetector,
  i: number,
  at: number,
  speedRatio: number,
  neighbours: number,
  changes: IncidentChanges,
): void {
  const segment = detector.city.segments[i]!;
  const startedAt = detector.episodeStart[i]!;
  const incident: SuspectedIncident = {
    id: `inc-${segment.id}-${startedAt}`,
    segmentId: segment.id,
    segmentIndex: i,
    roadId: segment.roadId,
    districtId: segment.districtId,
    location: pathMidpoint(segment.path),
    startedAt,
    raisedAt: at,
    clearedAt: null,
    confidence: incidentConfidence(speedRatio, neighbours, detector.options),
    speedRatio: Math.round(speedRatio * 1000) / 1000,
    baselineSpeedKmh: Math.round(detector.baselineKmh[i]! * 10) / 10,
  };
  detector.phase[i] = PHASE_RAISED;
  detector.streak[i] = 0;
  detector.activeBySegment[i] = 1;
  detector.active.set(i, incident);
  changes.raised.push(incident);
}

function clearIncident(detector: IncidentDetector, i: number, at: number, changes: IncidentChanges): void {
  const incident = detector.active.get(i);
  if (!incident) return;
  detector.active.delete(i);
  detector.activeBySegment[i] = 0;
  detector.phase[i] = PHASE_NORMAL;
  detector.streak[i] = 0;
  detector.cooldownUntil[i] = at + detector.options.cooldownMs;
  changes.cleared.push({ ...incident, clearedAt: at });
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
