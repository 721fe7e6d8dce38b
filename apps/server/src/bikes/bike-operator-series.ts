import type { BikeOperatorSeriesPoint } from '@cbo/contracts';
import type { BikeMetrics } from '@cbo/indices';

/** Resolution of the stored series, minutes. */
export const SERIES_BUCKET_MIN = 5;
/** Local days kept. */
const DAYS_KEPT = 3;

/** Per-operator day series of fleet, states and ride rate, sampled once per 5-minute bucket. */
export interface BikeOperatorSeriesStore {
  /** Records the metrics of `at` in its bucket (the first sample of a bucket wins; any order). */
  sample(at: number, metrics: BikeMetrics): void;
  /** The series of a local date (`YYYY-MM-DD`), 5- or 15-minute buckets; null for an unknown operator or day. */
  series(operatorId: string, date: string, bucketMin: 5 | 15): BikeOperatorSeriesPoint[] | null;
  /** Local date of `at`. */
  dateOf(at: number): string;
}

/** Creates an in-memory series store in a zone `utcOffsetMinutes` east of UTC. */
export function createBikeOperatorSeries(utcOffsetMinutes: number): BikeOperatorSeriesStore {
  const days = new Map<string, Map<string, BikeOperatorSeriesPoint[]>>();
  const dateOf = (at: number): string => new Date(at + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
  const bucketStart = (at: number): number => {
    const size = SERIES_BUCKET_MIN * 60_000;
    const offset = utcOffsetMinutes * 60_000;
    return Math.floor((at + offset) / size) * size - offset;
  };
  return {
    dateOf,
    sample(at, metrics) {
      const date = dateOf(at);
      let day = days.get(date);
      if (!day) {
        day = new Map();
        days.set(date, day);
        for (const old of [...days.keys()].sort().slice(0, Math.max(0, days.size - DAYS_KEPT)))
          days.delete(old);
      }
      const start = bucketStart(at);
      for (const o of metrics.operators) {
        const points = day.get(o.operatorId) ?? [];
        // Samples arrive in time order, except a backfill of the day's start running beside live samples.
        let index = points.length;
        while (index > 0 && points[index - 1]!.at > start) index--;
        if (points[index - 1]?.at === start) continue;
        points.splice(index, 0, {
          at: start,
          fleet: o.fleet,
          parked: o.parked,
          inUse: o.inUse,
          faulty: o.faulty,
          rideRate: o.rideRate,
          inNoParking: o.inNoParking,
          unpermitted: o.unpermitted,
        });
        day.set(o.operatorId, points);
      }
    },
    series(operatorId, date, bucketMin) {
      const points = days.get(date)?.get(operatorId);
      if (!points) return null;
      const size = bucketMin * 60_000;
      const offset = utcOffsetMinutes * 60_000;
      return points.filter((p) => (p.at + offset) % size === 0);
    },
  };
}
