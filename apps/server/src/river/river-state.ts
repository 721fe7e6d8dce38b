import type { RiverNetwork } from '@cbo/city';

/** One stored level reading of a gauge. */
export interface GaugeSample {
  at: number;
  levelM: number;
  flowM3s: number | null;
  source: string;
}

/** Water-quality parameters a station reports; concentrations mg/L. */
export const QUALITY_PARAMETERS = [
  'doMgL',
  'codMnMgL',
  'nh3nMgL',
  'tpMgL',
  'ph',
  'turbidityNtu',
  'waterTemperatureC',
] as const;
export type QualityParameter = (typeof QUALITY_PARAMETERS)[number];

/** The newest value of one parameter, with its time and source. */
export interface ParameterValue {
  value: number;
  at: number;
  source: string;
}

/** What a station holds: the newest value of each parameter it reported. */
export interface StationHold {
  /** Time of the newest sample applied, or null. */
  observedAt: number | null;
  source: string | null;
  values: Partial<Record<QualityParameter, ParameterValue>>;
}

/** How an offered reading was taken (docs/adr/0003). */
export type ApplyOutcome = 'applied' | 'late' | 'duplicate';

/** Gauge histories and station values of the river network. */
export interface RiverState {
  /** Stores a level reading in time order; same gauge and time as a stored one is a duplicate. */
  addLevel(gaugeIndex: number, sample: GaugeSample): ApplyOutcome;
  /** Applies a sample's parameters that are newer than the held ones; a repeated station time is a duplicate. */
  addQuality(
    stationIndex: number,
    at: number,
    values: Partial<Record<QualityParameter, number>>,
    source: string,
  ): ApplyOutcome;
  /** A gauge's readings in time order (the kept window). */
  levels(gaugeIndex: number): readonly GaugeSample[];
  station(stationIndex: number): StationHold;
  /** Drops level readings older than `now - keepMs`. */
  prune(now: number): void;
  /** Increases with every applied or late reading; lets the pipeline skip unchanged ticks. */
  readonly version: number;
}

/** Level readings kept per gauge: a day and a bit, enough for today's hydrograph and the 3 h rise. */
export const LEVEL_KEEP_MS = 26 * 3_600_000;
/** Sample times remembered per station for duplicate detection. */
const STATION_TIMES_KEPT = 64;

/** Index of the first sample with `at >= t`. */
function lowerBound(samples: readonly GaugeSample[], t: number): number {
  let lo = 0;
  let hi = samples.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((samples[mid] as GaugeSample).at < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Creates empty state for every gauge and station of `network`. */
export function createRiverState(
  network: Pick<RiverNetwork, 'gauges' | 'stations'>,
  keepMs = LEVEL_KEEP_MS,
): RiverState {
  const levels: GaugeSample[][] = network.gauges.map(() => []);
  const stations: StationHold[] = network.stations.map(() => ({
    observedAt: null,
    source: null,
    values: {},
  }));
  const stationTimes: number[][] = network.stations.map(() => []);
  let version = 0;
  return {
    addLevel(gaugeIndex, sample) {
      const list = levels[gaugeIndex] as GaugeSample[];
      const i = lowerBound(list, sample.at);
      if (list[i]?.at === sample.at) return 'duplicate';
      version += 1;
      if (i === list.length) {
        list.push(sample);
        return 'applied';
      }
      list.splice(i, 0, sample);
      return 'late';
    },
    addQuality(stationIndex, at, values, source) {
      const times = stationTimes[stationIndex] as number[];
      if (times.includes(at)) return 'duplicate';
      times.push(at);
      if (times.length > STATION_TIMES_KEPT) times.shift();
      version += 1;
      const hold = stations[stationIndex] as StationHold;
      const late = hold.observedAt !== null && at < hold.observedAt;
      for (const parameter of QUALITY_PARAMETERS) {
        const value = values[parameter];
        if (value === undefined) continue;
        const held = hold.values[parameter];
        if (held === undefined || at >= held.at) hold.values[parameter] = { value, at, source };
      }
      if (!late) {
        hold.observedAt = at;
        hold.source = source;
      }
      return late ? 'late' : 'applied';
    },
    levels: (gaugeIndex) => levels[gaugeIndex] as GaugeSample[],
    station: (stationIndex) => stations[stationIndex] as StationHold,
    prune(now) {
      for (const list of levels) {
        const drop = lowerBound(list, now - keepMs);
        if (drop > 0) list.splice(0, drop);
      }
    },
    get version() {
      return version;
    },
  };
}
