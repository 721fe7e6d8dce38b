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
export { buildDownstreamGraph } from './city-graph';
export type { DownstreamGraph } from './city-graph';
export { createMetricsLayout } from './metrics/metrics-layout';
export type { MetricsLayout, MetricsCity } from './metrics/metrics-layout';
export { computeTrafficMetrics } from './metrics/compute-traffic-metrics';
export type { TrafficMetricsOptions } from './metrics/compute-traffic-metrics';
export { segmentVehicles, JAM_DENSITY_VEH_PER_KM_PER_LANE } from './metrics/segment-vehicles';
export {
  createIncidentDetector,
  observe,
  activeIncidents,
  incidentConfidence,
} from './incidents/create-incident-detector';
export type { IncidentDetector, IncidentChanges, DetectorCity } from './incidents/create-incident-detector';
export { DEFAULT_INCIDENT_DETECTOR_OPTIONS } from './incidents/detector-options';
export type { IncidentDetectorOptions } from './incidents/detector-options';
export { pathMidpoint } from './incidents/path-midpoint';
export { DAY_MS, MINUTES_PER_DAY, localDayOf } from './local-day';
export type { LocalDay } from './local-day';
export {
  PEAK_WINDOWS_MINUTES,
  isPeakMinute,
  createDayAccumulator,
  accumulateTick,
  daySeries,
} from './daily/create-day-accumulator';
export type { DayAccumulator, DayCity, DaySeries } from './daily/create-day-accumulator';
export {
  summarizeDay,
  TOP_SEGMENTS,
  MIN_RANKED_PEAK_MINUTES,
  CONGESTED_TPI_LEVEL,
} from './daily/summarize-day';
export { compareDailyFigures, typicalDailyFigures } from './daily/compare-daily-figures';
export {
  createTtiForecaster,
  learnDay,
  typicalTti,
  forecastTti,
  DEFAULT_FORECAST_HORIZONS_MINUTES,
} from './forecast/create-tti-forecaster';
export type { TtiForecaster, TtiForecasterOptions } from './forecast/create-tti-forecaster';
export {
  warningColour,
  blueThresholdM,
  DEFAULT_NEAR_WARNING_M,
  WARNING_COLOUR_RANK,
} from './river/warning-colour';
export type { GaugeThresholds, WarningColourOptions } from './river/warning-colour';
export { riseRateMPerH, riseRates, levelAt, RISE_WINDOW_1H_MS, RISE_WINDOW_3H_MS } from './river/rise-rate';
export type { LevelSample, RiseRateOptions } from './river/rise-rate';
export { forecastTimeToWarning } from './river/time-to-warning';
export type { TimeToWarning, TimeToWarningOptions } from './river/time-to-warning';
export {
  classForParameter,
  waterClass,
  WATER_QUALITY_PARAMETERS,
  GB3838_LIMITS,
  GB3838_LAKE_TP_LIMITS,
} from './river/water-class';
export type {
  WaterQualityParameter,
  WaterQualitySample,
  WaterClassOptions,
  WaterClassResult,
} from './river/water-class';
export { computeReachStatuses } from './river/reach-status';
export type { LatestLevel, LatestSample, ReachStatusOptions, ReachStatusNetwork } from './river/reach-status';
export {
  computeBikeMetrics,
  toBikeCounts,
  zoneStatus,
  ZONE_BUSY_SATURATION,
  ZONE_SATURATED,
} from './bikes/compute-bike-metrics';
export type { BikeFleetArrays, BikeMetricsInput, BikeMetrics } from './bikes/compute-bike-metrics';
export {
  stationStatus,
  netFlowPerHour,
  STATION_LOW_FILL,
  STATION_HIGH_FILL,
  STATION_FORECAST_MIN,
  STATION_FLOW_MIN_SPAN_MIN,
} from './bikes/station-forecast';
export type { StationSample, StationReading } from './bikes/station-forecast';
