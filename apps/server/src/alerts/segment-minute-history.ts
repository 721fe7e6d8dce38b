import type { City } from '@cbo/city';
import type { SegmentReading } from '@cbo/contracts';
import { quantizeSpeed, dequantizeSpeed } from '@cbo/wire';
import { segmentTti, type SegmentState } from '@cbo/indices';

/** Minutes of per-segment speeds kept for the case view's chart. */
export const SEGMENT_HISTORY_MINUTES = 60;

/** The last hour of every segment's speed, one sample per minute (2 bytes per segment and minute). */
export interface SegmentMinuteHistory {
  /** Samples the state into the slot of the tick's minute; the last tick of a minute wins. */
  sample(state: SegmentState, at: number, freshForMs: number): void;
  /** The samples of one segment, oldest first (at most {@link SEGMENT_HISTORY_MINUTES}). */
  read(segmentIndex: number): SegmentReading[];
}

/** Creates the ring of samples for `city`'s segments. */
export function createSegmentMinuteHistory(city: City): SegmentMinuteHistory {
  const count = city.segmentCount;
  const speeds = new Uint16Array(count * SEGMENT_HISTORY_MINUTES);
  const minuteAt = new Float64Array(SEGMENT_HISTORY_MINUTES).fill(-1);
  let lastMinute = -1;
  return {
    sample(state, at, freshForMs) {
      const minute = Math.floor(at / 60_000);
      if (minute < lastMinute) return;
      lastMinute = minute;
      const slot = minute % SEGMENT_HISTORY_MINUTES;
      minuteAt[slot] = minute * 60_000;
      const base = slot * count;
      for (let i = 0; i < count; i++) {
        const observedAt = state.observedAt[i] as number;
        const fresh = observedAt !== 0 && at - observedAt <= freshForMs;
        speeds[base + i] = quantizeSpeed(fresh ? (state.speedKmh[i] as number) : Number.NaN);
      }
    },
    read(segmentIndex) {
      const out: SegmentReading[] = [];
      const freeFlowKmh = city.freeFlowKmh[segmentIndex] as number;
      for (let back = SEGMENT_HISTORY_MINUTES - 1; back >= 0; back--) {
        const slot =
          (((lastMinute - back) % SEGMENT_HISTORY_MINUTES) + SEGMENT_HISTORY_MINUTES) %
          SEGMENT_HISTORY_MINUTES;
        const at = minuteAt[slot] as number;
        if (lastMinute < 0 || at !== (lastMinute - back) * 60_000) continue;
        const speedKmh = dequantizeSpeed(speeds[slot * count + segmentIndex] as number);
        const known = Number.isFinite(speedKmh);
        out.push({
          at,
          speedKmh: known ? speedKmh : null,
          tti: known ? segmentTti(freeFlowKmh, speedKmh) : null,
        });
      }
      return out;
    },
  };
}
