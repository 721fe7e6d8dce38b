import type { RiverNetwork } from '@cbo/city';
import type { ReachStatus, WarningColour, WaterClass } from '@cbo/contracts';
import type { WaterQualitySample } from './water-class';
import { waterClass } from './water-class';
import { WARNING_COLOUR_RANK, warningColour } from './warning-colour';

/** Newest level reading of a gauge. */
export interface LatestLevel {
  observedAt: number;
  levelM: number;
}

/** Newest water-quality sample of a station. */
export type LatestSample = WaterQualitySample & { observedAt: number };

/** Options of {@link computeReachStatuses}. */
export interface ReachStatusOptions {
  /** A level reading counts for this long, ms. @default 1_800_000 (30 min) */
  gaugeFreshForMs?: number;
  /** A water-quality sample counts for this long, ms. @default 21_600_000 (6 h) */
  stationFreshForMs?: number;
  /** Margin below warning that is blue, metres (see `warningColour`). @default 0.3 */
  nearWarningM?: number;
}

/** The subset of the river network the statuses need. */
export type ReachStatusNetwork = Pick<
  RiverNetwork,
  'reaches' | 'gauges' | 'stations' | 'gaugeIndexById' | 'stationIndexById'
>;

const isFresh = (observedAt: number, now: number, freshForMs: number): boolean =>
  observedAt <= now && now - observedAt <= freshForMs;

/**
 * Status of every reach (in `network.reaches` order): the worst colour among its gauges with a fresh reading
 * (ties broken by the larger height over the warning level), the worst class among its stations with a fresh
 * sample (ties: first station), the stations worse than their own target, the share of its gauges and stations
 * with fresh input, and the newest input time. Stale inputs are left out, never taken as normal.
 */
export function computeReachStatuses(
  network: ReachStatusNetwork,
  levels: ReadonlyMap<string, LatestLevel>,
  samples: ReadonlyMap<string, LatestSample>,
  now: number,
  options: ReachStatusOptions = {},
): ReachStatus[] {
  const gaugeFresh = options.gaugeFreshForMs ?? 1_800_000;
  const stationFresh = options.stationFreshForMs ?? 21_600_000;
  return network.reaches.map((reach) => {
    let colour: WarningColour = 'none';
    let worstGaugeId: string | null = null;
    let worstExcessM = -Infinity;
    let fresh = 0;
    let newestAt: number | null = null;
    for (const id of reach.gaugeIds) {
      const reading = levels.get(id);
      const gauge = network.gauges[network.gaugeIndexById.get(id) ?? -1];
      if (!reading || !gauge || !isFresh(reading.observedAt, now, gaugeFresh)) continue;
      fresh += 1;
      newestAt = Math.max(newestAt ?? 0, reading.observedAt);
      const c = warningColour(gauge, reading.levelM, { nearWarningM: options.nearWarningM });
      const excessM = reading.levelM - gauge.warningLevelM;
      const rank = WARNING_COLOUR_RANK[c] - WARNING_COLOUR_RANK[colour];
      if (worstGaugeId === null || rank > 0 || (rank === 0 && excessM > worstExcessM)) {
        colour = c;
        worstGaugeId = id;
        worstExcessM = excessM;
      }
    }
    let worstClass: WaterClass | null = null;
    let worstStationId: string | null = null;
    const belowTargetStationIds: string[] = [];
    for (const id of reach.stationIds) {
      const sample = samples.get(id);
      const station = network.stations[network.stationIndexById.get(id) ?? -1];
      if (!sample || !station || !isFresh(sample.observedAt, now, stationFresh)) continue;
      fresh += 1;
      newestAt = Math.max(newestAt ?? 0, sample.observedAt);
      const c = waterClass(sample, { isLake: station.isLake }).waterClass;
      if (c > station.targetClass) belowTargetStationIds.push(id);
      if (worstClass === null || c > worstClass) {
        worstClass = c;
        worstStationId = id;
      }
    }
    const inputs = reach.gaugeIds.length + reach.stationIds.length;
    return {
      reachId: reach.id,
      colour,
      worstGaugeId,
      waterClass: worstClass,
      worstStationId,
      belowTargetStationIds,
      coverage: inputs === 0 ? 0 : fresh / inputs,
      newestAt,
    };
  });
}
