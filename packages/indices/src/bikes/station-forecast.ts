import type { BikeStationStatus, StationFillState } from '@cbo/contracts';

/** Fill below which a station is `low`, above which `high` (bikes / capacity). */
export const STATION_LOW_FILL = 0.2;
export const STATION_HIGH_FILL = 0.8;
/** Horizon of the empty / full forecast, minutes. */
export const STATION_FORECAST_MIN = 30;
/** Net flow needs at least this much history, minutes. */
export const STATION_FLOW_MIN_SPAN_MIN = 10;

/** One past status of a station. */
export interface StationSample {
  at: number;
  bikesAvailable: number;
}

/** The latest status as GBFS gives it (`num_vehicles_available`, `num_docks_available` ...). */
export interface StationReading {
  stationId: string;
  bikesAvailable: number;
  bikesDisabled: number;
  docksAvailable: number | null;
  isInstalled: boolean;
  isRenting: boolean;
  isReturning: boolean;
  reportedAt: number;
}

/**
 * Net flow, bikes per hour, over the samples of the last hour before `now`: (newest - oldest) / span.
 * 0 when the samples span less than {@link STATION_FLOW_MIN_SPAN_MIN}.
 */
export function netFlowPerHour(samples: readonly StationSample[], now: number): number {
  const window = samples.filter((s) => s.at > now - 3_600_000 && s.at <= now);
  if (window.length < 2) return 0;
  const oldest = window.reduce((a, b) => (b.at < a.at ? b : a));
  const newest = window.reduce((a, b) => (b.at > a.at ? b : a));
  const spanH = (newest.at - oldest.at) / 3_600_000;
  if (spanH * 60 < STATION_FLOW_MIN_SPAN_MIN) return 0;
  return (newest.bikesAvailable - oldest.bikesAvailable) / spanH;
}

/**
 * A station's fill, state and 30-minute forecast (docs/indices.md section 4). Capacity is GBFS `capacity`, or
 * bikes + docks (+ disabled) when the station publishes no capacity. Empty: no bike; full: no dock. Forecast:
 * the last hour's net flow carried forward linearly for 30 min reaches 0 bikes (empty) or 0 docks (full).
 */
export function stationStatus(
  reading: StationReading,
  capacity: number | null,
  samples: readonly StationSample[],
  now: number,
): BikeStationStatus {
  const docks = reading.docksAvailable;
  const cap = capacity ?? (docks === null ? null : reading.bikesAvailable + docks + reading.bikesDisabled);
  const fill = cap === null || cap === 0 ? null : Math.min(1, reading.bikesAvailable / cap);
  const flow = netFlowPerHour(samples, now);
  const inHorizon = (flow * STATION_FORECAST_MIN) / 60;
  let state: StationFillState;
  if (!reading.isInstalled || fill === null) state = 'unknown';
  else if (reading.bikesAvailable === 0) state = 'empty';
  else if (docks === 0 || fill >= 1) state = 'full';
  else if (fill < STATION_LOW_FILL) state = 'low';
  else if (fill > STATION_HIGH_FILL) state = 'high';
  else state = 'ok';
  const freeDocks = docks ?? (cap === null ? null : cap - reading.bikesAvailable);
  return {
    stationId: reading.stationId,
    bikesAvailable: reading.bikesAvailable,
    bikesDisabled: reading.bikesDisabled,
    docksAvailable: docks,
    isRenting: reading.isRenting,
    isReturning: reading.isReturning,
    reportedAt: reading.reportedAt,
    fill,
    state,
    netFlowPerHour: Math.round(flow * 10) / 10,
    emptySoon: state === 'empty' || (flow < 0 && reading.bikesAvailable + inHorizon <= 0),
    fullSoon: state === 'full' || (flow > 0 && freeDocks !== null && freeDocks - inHorizon <= 0),
  };
}
