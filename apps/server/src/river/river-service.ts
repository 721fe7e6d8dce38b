import type { City, RiverNetwork } from '@cbo/city';
import type { GaugeSeries, PollutionEvent, RejectedItem, RiverNow } from '@cbo/contracts';
import { blueThresholdM, forecastTimeToWarning } from '@cbo/indices';
import { computeRiverNow, DEFAULT_RIVER_FRESHNESS, type RiverFreshness } from './compute-river-now';
import { segmentsNearGauges } from './flooded-segments';
import type { MappedRiverBatch } from './formats/river-plausibility';
import { createRiverEventStore, type RiverEventStore } from './river-events';
import { createRiverState, type RiverState } from './river-state';

/** What an ingest call did with the items it was given. */
export interface RiverIngestOutcome {
  accepted: number;
  duplicates: number;
  rejected: RejectedItem[];
}

/** Rain per district at a time, mm/h (the simulated rain field), or nothing without the simulator. */
export type DistrictRain = (at: number) => { districtId: string; rainMmPerH: number }[];

/** The river domain of the server: state, events, and the indices of the latest tick. */
export interface RiverService {
  readonly network: RiverNetwork;
  readonly state: RiverState;
  readonly events: RiverEventStore;
  /** Per gauge: indices of the road segments within the flood radius (docs/rivers.md). */
  readonly nearSegments: readonly (readonly number[])[];
  /** Applies mapped readings (ADR 0003: duplicates dropped, late ones kept in the history). */
  ingest(batch: MappedRiverBatch, source: string): RiverIngestOutcome;
  /** Stores detections; an id already held is a duplicate. */
  addEvents(events: readonly PollutionEvent[]): { accepted: PollutionEvent[]; duplicates: number };
  /** Computes the river indices at `now` (cheap: tens of gauges) and keeps them as the latest. */
  tick(now: number): RiverNow;
  latest(): RiverNow;
  /** Hydrograph of a gauge in [from, to] with thresholds and forecast, or null for an unknown gauge. */
  series(gaugeId: string, date: string, from: number, to: number, now: number): GaugeSeries | null;
  /** Sets the rain source (the simulator's rain field). */
  setRain(rain: DistrictRain): void;
}

/** Options of {@link createRiverService}. */
export interface RiverServiceOptions {
  network: RiverNetwork;
  city: Pick<City, 'segments'>;
  startAt: number;
  freshness?: RiverFreshness;
}

const DAY_MS = 86_400_000;
/** Forecast drawn up to this far ahead of the newest reading, ms. */
export const FORECAST_SPAN_MS = 3 * 3_600_000;
const FORECAST_STEP_MS = 15 * 60_000;

/** Creates the river service with empty state. */
export function createRiverService({
  network,
  city,
  startAt,
  freshness = DEFAULT_RIVER_FRESHNESS,
}: RiverServiceOptions): RiverService {
  const state = createRiverState(network);
  const events = createRiverEventStore();
  const nearSegments = segmentsNearGauges(network, city);
  let rain: DistrictRain = () => [];
  let latest: RiverNow | null = null;

  function tick(now: number): RiverNow {
    state.prune(now);
    events.prune(now);
    const partial = computeRiverNow(
      network,
      state,
      now,
      { floodedSegmentIds: [], rainByDistrict: [], events24h: 0 },
      freshness,
    );
    const flooded = new Set<number>();
    partial.gauges.forEach((g, i) => {
      if (g.colour === 'orange' || g.colour === 'red') for (const s of nearSegments[i]!) flooded.add(s);
    });
    latest = {
      ...partial,
      floodedSegmentIds: [...flooded].sort((a, b) => a - b).map((s) => city.segments[s]!.id),
      rainByDistrict: rain(now),
      events24h: events.between(now - DAY_MS, now).length,
    };
    return latest;
  }

  return {
    network,
    state,
    events,
    nearSegments,
    ingest(batch, source) {
      let accepted = 0;
      let duplicates = 0;
      for (const level of batch.levels) {
        const outcome = state.addLevel(level.gaugeIndex, {
          at: level.at,
          levelM: level.levelM,
          flowM3s: level.flowM3s,
          source,
        });
        if (outcome === 'duplicate') duplicates += 1;
        else accepted += 1;
      }
      for (const sample of batch.quality) {
        const outcome = state.addQuality(sample.stationIndex, sample.at, sample.values, source);
        if (outcome === 'duplicate') duplicates += 1;
        else accepted += 1;
      }
      return { accepted, duplicates, rejected: batch.rejected };
    },
    addEvents: (list) => events.add(list),
    tick,
    latest: () => latest ?? tick(startAt),
    series(gaugeId, date, from, to, now) {
      const g = network.gaugeIndexById.get(gaugeId);
      if (g === undefined) return null;
      const gauge = network.gauges[g]!;
      const all = state.levels(g).filter((s) => s.at <= now);
      const levels = all
        .filter((s) => s.at >= from && s.at <= to)
        .map((s) => ({ at: s.at, levelM: s.levelM }));
      const forecast = forecastTimeToWarning(all, now, gauge.warningLevelM);
      const newest = all[all.length - 1];
      const points: { at: number; levelM: number }[] = [];
      if (newest && forecast.slopeMPerH !== null && to >= now) {
        for (let dt = 0; dt <= FORECAST_SPAN_MS; dt += FORECAST_STEP_MS) {
          const levelM = newest.levelM + (forecast.slopeMPerH * dt) / 3_600_000;
          points.push({ at: newest.at + dt, levelM: Math.round(levelM * 1000) / 1000 });
        }
      }
      return {
        gaugeId,
        date,
        from,
        to,
        levels,
        thresholds: {
          normalLevelM: gauge.normalLevelM,
          blueLevelM: Math.round(blueThresholdM(gauge) * 1000) / 1000,
          warningLevelM: gauge.warningLevelM,
          guaranteedLevelM: gauge.guaranteedLevelM,
          historicMaxLevelM: gauge.historicMaxLevelM,
        },
        forecast: points,
        timeToWarningMs: forecast.timeToWarningMs,
      };
    },
    setRain(next) {
      rain = next;
    },
  };
}
