import type { RiverNetwork } from '@cbo/city';
import type { GaugeNow, RiverNow, StationNow, WarningColour } from '@cbo/contracts';
import {
  computeReachStatuses,
  forecastTimeToWarning,
  riseRates,
  warningColour,
  waterClass,
  type LatestLevel,
  type LatestSample,
} from '@cbo/indices';
import type { QualityParameter, RiverState, StationHold } from './river-state';

/** Freshness windows of the river indices, ms. */
export interface RiverFreshness {
  /** A level reading counts for this long. @default 1_800_000 */
  gaugeFreshForMs: number;
  /** A water-quality value counts for this long. @default 21_600_000 */
  stationFreshForMs: number;
}

export const DEFAULT_RIVER_FRESHNESS: RiverFreshness = {
  gaugeFreshForMs: 1_800_000,
  stationFreshForMs: 21_600_000,
};

const CLASS_PARAMETERS = ['doMgL', 'codMnMgL', 'nh3nMgL', 'tpMgL'] as const;

/** What the river tick adds besides gauges and stations. */
export interface RiverNowExtras {
  floodedSegmentIds: string[];
  rainByDistrict: { districtId: string; rainMmPerH: number }[];
  events24h: number;
}

function gaugeNow(
  network: RiverNetwork,
  state: RiverState,
  g: number,
  now: number,
  fresh: RiverFreshness,
): GaugeNow {
  const gauge = network.gauges[g]!;
  const samples = state.levels(g);
  let newestIndex = samples.length - 1;
  while (newestIndex >= 0 && samples[newestIndex]!.at > now) newestIndex -= 1;
  const newest = newestIndex >= 0 ? samples[newestIndex]! : null;
  const isFresh = newest !== null && now - newest.at <= fresh.gaugeFreshForMs;
  const levelSamples = samples.map((s) => ({ at: s.at, levelM: s.levelM }));
  const rates = riseRates(levelSamples, now);
  const forecast = forecastTimeToWarning(levelSamples, now, gauge.warningLevelM);
  return {
    gaugeId: gauge.id,
    levelM: newest?.levelM ?? null,
    flowM3s: newest?.flowM3s ?? null,
    observedAt: newest?.at ?? null,
    source: newest?.source ?? null,
    fresh: isFresh,
    colour: isFresh ? warningColour(gauge, newest.levelM) : 'none',
    rise1hMPerH: rates.rise1hMPerH,
    rise3hMPerH: rates.rise3hMPerH,
    forecastStatus: forecast.status,
    timeToWarningMs: forecast.timeToWarningMs,
  };
}

/** The four class parameters of a station when all are fresh, else null. */
export function freshClassSample(
  values: StationHold['values'],
  now: number,
  freshForMs: number,
): Record<(typeof CLASS_PARAMETERS)[number], number> | null {
  const out = {} as Record<(typeof CLASS_PARAMETERS)[number], number>;
  for (const p of CLASS_PARAMETERS) {
    const v = values[p];
    if (v === undefined || v.at > now || now - v.at > freshForMs) return null;
    out[p] = v.value;
  }
  return out;
}

function stationNow(
  network: RiverNetwork,
  state: RiverState,
  s: number,
  now: number,
  fresh: RiverFreshness,
): StationNow {
  const station = network.stations[s]!;
  const hold = state.station(s);
  const value = (p: QualityParameter): number | null => hold.values[p]?.value ?? null;
  const sample = freshClassSample(hold.values, now, fresh.stationFreshForMs);
  const result = sample === null ? null : waterClass(sample, { isLake: station.isLake });
  return {
    stationId: station.id,
    observedAt: hold.observedAt,
    source: hold.source,
    fresh: hold.observedAt !== null && now - hold.observedAt <= fresh.stationFreshForMs,
    doMgL: value('doMgL'),
    codMnMgL: value('codMnMgL'),
    nh3nMgL: value('nh3nMgL'),
    tpMgL: value('tpMgL'),
    ph: value('ph'),
    turbidityNtu: value('turbidityNtu'),
    waterClass: result?.waterClass ?? null,
    worstFactors: result?.worstFactors ?? [],
    classOverTarget: result === null ? null : result.waterClass - station.targetClass,
  };
}

/**
 * The river domain at `now`: per gauge the newest reading, colour, rise rates over 1 h and 3 h and the forecast
 * time to warning; per station the newest values and the GB 3838-2002 class of the four fresh parameters; per
 * reach its status; counts by colour and class (docs/indices.md section 3, docs/rivers.md).
 */
export function computeRiverNow(
  network: RiverNetwork,
  state: RiverState,
  now: number,
  extras: RiverNowExtras,
  fresh: RiverFreshness = DEFAULT_RIVER_FRESHNESS,
): RiverNow {
  const gauges = network.gauges.map((_, g) => gaugeNow(network, state, g, now, fresh));
  const stations = network.stations.map((_, s) => stationNow(network, state, s, now, fresh));
  const levels = new Map<string, LatestLevel>();
  for (const g of gauges) {
    if (g.levelM !== null && g.observedAt !== null)
      levels.set(g.gaugeId, { observedAt: g.observedAt, levelM: g.levelM });
  }
  const samples = new Map<string, LatestSample>();
  network.stations.forEach((station, s) => {
    const hold = state.station(s);
    const sample = freshClassSample(hold.values, now, fresh.stationFreshForMs);
    const newest = Math.max(...CLASS_PARAMETERS.map((p) => hold.values[p]?.at ?? 0));
    if (sample !== null) samples.set(station.id, { ...sample, observedAt: newest });
  });
  const reaches = computeReachStatuses(network, levels, samples, now, {
    gaugeFreshForMs: fresh.gaugeFreshForMs,
    stationFreshForMs: fresh.stationFreshForMs,
  });
  const gaugesByColour: Record<WarningColour, number> = { none: 0, blue: 0, yellow: 0, orange: 0, red: 0 };
  for (const g of gauges) gaugesByColour[g.colour] += 1;
  const stationsByClass = [0, 0, 0, 0, 0, 0];
  let stationsUnknownClass = 0;
  let stationsBelowTarget = 0;
  for (const s of stations) {
    if (s.waterClass === null) stationsUnknownClass += 1;
    else stationsByClass[s.waterClass - 1]! += 1;
    if (s.classOverTarget !== null && s.classOverTarget > 0) stationsBelowTarget += 1;
  }
  return {
    computedAt: now,
    gauges,
    stations,
    reaches,
    gaugesByColour,
    stationsByClass,
    stationsUnknownClass,
    stationsBelowTarget,
    ...extras,
  };
}
