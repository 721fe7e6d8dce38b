import type { City } from '@cbo/city';
import { normal4, uniform4 } from './hash';

/** Per road class (ROAD_CLASSES order: expressway, arterial, secondary, branch). */
const CLASS_DEMAND_FACTOR = [1.0, 1.0, 0.92, 0.8];
/** Capacity per lane, vehicles per hour. */
const CLASS_LANE_CAPACITY_VPH = [1800, 1400, 1100, 800];
/** Fixed delay of signals and junctions as a share of free-flow travel time (night-time TTI is 1 + this). */
const CLASS_FIXED_DELAY = [0.03, 0.1, 0.12, 0.1];

/** Share of segments that are chronic bottlenecks, and how much more demand they carry. */
const BOTTLENECK_SHARE = 0.04;
const BOTTLENECK_DEMAND_MULTIPLIER = 1.3;

const STREAM_PHASE = 0x5e91;
const STREAM_DEMAND = 0x5e92;
const STREAM_BOTTLENECK = 0x5e93;

/** Static, seeded properties of every segment, in typed arrays indexed like `city.segments`. */
export interface SegmentProfile {
  /** Offset of the segment's reports within each reporting period, ms, in [0, reportEveryMs). */
  phaseMs: Float64Array;
  /** Multiplier on the network demand ratio. */
  demandFactor: Float32Array;
  capacityVph: Float32Array;
  fixedDelay: Float32Array;
  bottleneck: Uint8Array;
}

/** Derives every segment's profile from the seed and the city. */
export function buildSegmentProfile(city: City, seed: number, reportEveryMs: number): SegmentProfile {
  const n = city.segmentCount;
  const profile: SegmentProfile = {
    phaseMs: new Float64Array(n),
    demandFactor: new Float32Array(n),
    capacityVph: new Float32Array(n),
    fixedDelay: new Float32Array(n),
    bottleneck: new Uint8Array(n),
  };
  for (let i = 0; i < n; i += 1) {
    const roadClass = city.roadClass[i]!;
    const bottleneck = uniform4(seed, STREAM_BOTTLENECK, i) < BOTTLENECK_SHARE;
    profile.phaseMs[i] = Math.floor(uniform4(seed, STREAM_PHASE, i) * reportEveryMs);
    profile.demandFactor[i] =
      CLASS_DEMAND_FACTOR[roadClass]! *
      Math.exp(0.15 * normal4(seed, STREAM_DEMAND, i)) *
      (bottleneck ? BOTTLENECK_DEMAND_MULTIPLIER : 1);
    profile.capacityVph[i] = city.lanes[i]! * CLASS_LANE_CAPACITY_VPH[roadClass]!;
    profile.fixedDelay[i] = CLASS_FIXED_DELAY[roadClass]!;
    profile.bottleneck[i] = bottleneck ? 1 : 0;
  }
  return profile;
}

/** Segment indices sorted by report phase (ties by index), for finding who reports in a time window. */
export function sortByPhase(phaseMs: Float64Array): { order: Uint32Array; sortedPhaseMs: Float64Array } {
  const order = Uint32Array.from({ length: phaseMs.length }, (_, i) => i).sort(
    (a, b) => phaseMs[a]! - phaseMs[b]! || a - b,
  );
  return { order, sortedPhaseMs: Float64Array.from(order, (i) => phaseMs[i]!) };
}
