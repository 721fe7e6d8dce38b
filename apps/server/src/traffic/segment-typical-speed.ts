import { SPEED_UNKNOWN } from '@cbo/contracts';
import { dequantizeSpeed } from '@cbo/wire';
import { SEGMENT_SLOTS, SEGMENT_SLOT_MINUTES, type TrafficDayRecord } from './traffic-day-recorder';

const HOURS = 24;
const SLOTS_PER_HOUR = 60 / SEGMENT_SLOT_MINUTES;

/**
 * Typical speed of each segment per local hour and day type (weekday, weekend): the mean of the 15-minute
 * samples of the learnt days. Hourly, so it costs 288 bytes per segment (14 MB at 50,000 segments).
 */
export interface SegmentTypicalSpeed {
  readonly segmentCount: number;
  /** `sum[((i * 2 + weekend) * 24) + hour]`. */
  readonly sum: Float32Array;
  readonly count: Uint16Array;
}

export function createSegmentTypicalSpeed(segmentCount: number): SegmentTypicalSpeed {
  return {
    segmentCount,
    sum: new Float32Array(segmentCount * 2 * HOURS),
    count: new Uint16Array(segmentCount * 2 * HOURS),
  };
}

/** Adds one past day's per-segment samples to the profile of its day type. */
export function learnSegmentDay(
  typical: SegmentTypicalSpeed,
  record: TrafficDayRecord,
  weekend: boolean,
): void {
  const kind = weekend ? 1 : 0;
  for (let i = 0; i < typical.segmentCount; i += 1) {
    for (let slot = 0; slot < SEGMENT_SLOTS; slot += 1) {
      const q = record.segmentSpeed[i * SEGMENT_SLOTS + slot]!;
      if (q === SPEED_UNKNOWN) continue;
      const cell = (i * 2 + kind) * HOURS + Math.floor(slot / SLOTS_PER_HOUR);
      typical.sum[cell] = typical.sum[cell]! + dequantizeSpeed(q);
      if (typical.count[cell]! < 65_535) typical.count[cell] = typical.count[cell]! + 1;
    }
  }
}

/** Typical speed of segment `i` in local hour `hour` (0-23) of a weekday or weekend day, km/h; null unknown. */
export function typicalSegmentSpeed(
  typical: SegmentTypicalSpeed,
  i: number,
  hour: number,
  weekend: boolean,
): number | null {
  const cell = (i * 2 + (weekend ? 1 : 0)) * HOURS + hour;
  const n = typical.count[cell]!;
  return n > 0 ? typical.sum[cell]! / n : null;
}
