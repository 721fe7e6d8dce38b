import type { City } from '@cbo/city';
import {
  DAY_MS,
  accumulateTick,
  applyObservation,
  computeTrafficIndices,
  createDayAccumulator,
  createSegmentState,
  daySeries,
  summarizeDay,
  type DayAccumulator,
} from '@cbo/indices';
import { createTrafficSim } from '@cbo/sim';
import type { PastTrafficDay } from './traffic-day-archive';
import { createTrafficDayRecord, recordTrafficMinute, type TrafficDayRecord } from './traffic-day-recorder';

const MINUTE_MS = 60_000;

/** What {@link createSimulatedDay} needs. */
export interface SimulatedDayOptions {
  city: City;
  seed: number;
  /** Any instant of the local day to simulate. */
  day: number;
  /** Simulate minutes strictly before this time (default: the whole day), epoch ms. */
  until?: number;
  freshForMs: number;
  utcOffsetMinutes: number;
}

/** A day being simulated minute by minute, so a caller can spread the work over several turns. */
export interface SimulatedDay {
  readonly acc: DayAccumulator;
  readonly record: TrafficDayRecord;
  /** Simulates up to `minutes` more minutes; true when the day (or `until`) is complete. */
  step(minutes: number): boolean;
  /** The complete day as an archive entry (owned copies of the series). */
  toPastDay(): PastTrafficDay;
}

/**
 * Replays what the simulator with this seed produced over a local day, through the same day accumulator and
 * recorder as the live pipeline, with its own state (the live one is untouched). The simulator is
 * step-independent, so the result equals what a server running all day would have recorded (ADR 0009).
 */
export function createSimulatedDay({
  city,
  seed,
  day,
  until,
  freshForMs,
  utcOffsetMinutes,
}: SimulatedDayOptions): SimulatedDay {
  const acc = createDayAccumulator(city, day, utcOffsetMinutes, { freshForMs });
  const record = createTrafficDayRecord(acc.dayStart, city.districtIds, city.segmentCount);
  const end = Math.min(until ?? Number.POSITIVE_INFINITY, acc.dayStart + DAY_MS);
  const sim = createTrafficSim(city, { seed, utcOffsetMinutes }, acc.dayStart - freshForMs);
  const state = createSegmentState(city.segmentCount);
  let at = acc.dayStart;
  return {
    acc,
    record,
    step(minutes) {
      for (let k = 0; k < minutes && at < end; k += 1, at += MINUTE_MS) {
        for (const observation of sim.advance(at)) {
          const index = city.segmentIndexById.get(observation.segmentId);
          if (index !== undefined)
            applyObservation(state, index, observation.observedAt, observation.speedKmh, observation.flowVph);
        }
        const indices = computeTrafficIndices(city, state, at, { freshForMs });
        accumulateTick(acc, state, at, indices);
        recordTrafficMinute(record, state, at, indices, freshForMs);
      }
      return at >= end;
    },
    toPastDay() {
      const series = daySeries(acc);
      return {
        figures: summarizeDay(acc),
        series: { ...series, areaIds: [...series.areaIds], tti: series.tti.map((values) => values.slice()) },
        record,
      };
    },
  };
}
