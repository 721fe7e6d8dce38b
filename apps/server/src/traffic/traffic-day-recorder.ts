import { SPEED_UNKNOWN } from '@cbo/contracts';
import { MINUTES_PER_DAY, isFresh, type SegmentState } from '@cbo/indices';
import { quantizeSpeed } from '@cbo/wire';

/** Minutes per slot of the per-segment day samples. */
export const SEGMENT_SLOT_MINUTES = 15;
/** Slots per day of the per-segment samples. */
export const SEGMENT_SLOTS = MINUTES_PER_DAY / SEGMENT_SLOT_MINUTES;

/**
 * What the drill-down needs of one local day beyond the day accumulator: the per-minute mean speed of the
 * network and each district, and each segment's speed sampled once per 15-minute slot.
 */
export interface TrafficDayRecord {
  readonly dayStart: number;
  /** `'network'` then district ids. */
  readonly areaIds: readonly string[];
  /** Per area, 1,440 per-minute mean speeds, km/h (NaN unknown). */
  readonly areaSpeedKmh: Float32Array[];
  /** `segmentSpeed[i * SEGMENT_SLOTS + slot]`: quantised speed (tenths of km/h), `SPEED_UNKNOWN` when none. */
  readonly segmentSpeed: Uint16Array;
}

/** Creates an empty record of the local day starting at `dayStart`. */
export function createTrafficDayRecord(
  dayStart: number,
  districtIds: readonly string[],
  segmentCount: number,
): TrafficDayRecord {
  const areaIds = ['network', ...districtIds];
  return {
    dayStart,
    areaIds,
    areaSpeedKmh: areaIds.map(() => new Float32Array(MINUTES_PER_DAY).fill(Number.NaN)),
    segmentSpeed: new Uint16Array(segmentCount * SEGMENT_SLOTS).fill(SPEED_UNKNOWN),
  };
}

/** Mean speeds of the network and the districts (city order) at one instant, e.g. `TrafficMetrics`. */
export interface AreaSpeeds {
  network: { meanSpeedKmh: number | null };
  districts: readonly { meanSpeedKmh: number | null }[];
}

/**
 * Records the minute of `now`: area mean speeds from `metrics` and, for each segment with a fresh reading,
 * its speed into the minute's 15-minute slot (the latest minute of a slot wins). Outside the day: no-op.
 */
export function recordTrafficMinute(
  record: TrafficDayRecord,
  state: SegmentState,
  now: number,
  metrics: AreaSpeeds,
  freshForMs: number,
): void {
  const minute = Math.floor((now - record.dayStart) / 60_000);
  if (minute < 0 || minute >= MINUTES_PER_DAY) return;
  const areas = [metrics.network, ...metrics.districts];
  areas.forEach((area, a) => {
    const series = record.areaSpeedKmh[a];
    if (series && area.meanSpeedKmh !== null) series[minute] = area.meanSpeedKmh;
  });
  const slot = Math.floor(minute / SEGMENT_SLOT_MINUTES);
  const { observedAt, speedKmh } = state;
  for (let i = 0; i < state.count; i += 1) {
    if (isFresh(observedAt[i]!, now, freshForMs)) {
      record.segmentSpeed[i * SEGMENT_SLOTS + slot] = quantizeSpeed(speedKmh[i]!);
    }
  }
}
