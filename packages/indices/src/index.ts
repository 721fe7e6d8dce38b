export {
  congestionLevelForSpeed,
  SPEED_BAND_EDGES_KMH,
  SPEED_BAND_EDGES_BY_CLASS_INDEX,
  levelForClassIndex,
} from './congestion-level';
export type { SegmentLevel } from './congestion-level';
export { segmentTti, clampTti, MAX_SEGMENT_TTI } from './segment-tti';
export { tpiFromTti, levelFromTpi, TPI_KNOTS } from './tpi';
export { createSegmentState, applyObservation } from './segment-state';
export type { SegmentState, ApplyOutcome } from './segment-state';
export { DEFAULT_FRESH_FOR_MS, isFresh } from './freshness';
export { computeTrafficIndices, LANE_FLOW_PROXY_VPH } from './compute-traffic-indices';
export type { TrafficIndices, FreshnessOptions } from './compute-traffic-indices';
export { computeSegmentLevels } from './compute-segment-levels';
export type { IndicesCity } from './indices-city';
