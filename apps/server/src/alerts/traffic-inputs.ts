import type { City } from '@cbo/city';
import type { AreaIndices, FeedHealth, TrafficNow } from '@cbo/contracts';
import type { EntityInput, EvaluationInput, MetricReading } from '@cbo/alerts';
import { congestionLevelForSpeed, segmentTti, tpiFromTti, type SegmentState } from '@cbo/indices';
import { ROAD_CLASSES } from '@cbo/contracts';

/**
 * Segment metrics (tti, tpi, level, speedKmh) of every segment with a fresh reading at `now`. Segments without a
 * fresh reading are left out: the engine treats an absent entity as stale, so a firing alert on it turns
 * uncertain and is never cleared by missing data.
 */
export function segmentEntities(
  city: City,
  state: SegmentState,
  now: number,
  freshForMs: number,
): EntityInput[] {
  const out: EntityInput[] = [];
  const { observedAt, speedKmh } = state;
  for (let i = 0; i < city.segmentCount; i++) {
    const at = observedAt[i] as number;
    if (at === 0 || now - at > freshForMs) continue;
    const speed = speedKmh[i] as number;
    if (!Number.isFinite(speed)) continue;
    const tti = segmentTti(city.freeFlowKmh[i] as number, speed);
    const roadClass = ROAD_CLASSES[city.roadClass[i] as number] ?? 'branch';
    const reading = (value: number): MetricReading => ({ value, observedAt: at, fresh: true });
    out.push({
      id: (city.segments[i] as { id: string }).id,
      metrics: {
        tti: reading(tti),
        tpi: reading(tpiFromTti(tti)),
        level: reading(congestionLevelForSpeed(roadClass, speed)),
        speedKmh: reading(speed),
      },
    });
  }
  return out;
}

/** Area metrics of a district or the network from the tick's indices; null values are left out (unknown). */
export function areaEntity(area: AreaIndices, computedAt: number): EntityInput {
  const observedAt = area.newestInputAgeMs === null ? computedAt : computedAt - area.newestInputAgeMs;
  const fresh = area.coverage > 0;
  const metrics: Record<string, MetricReading> = {
    coverage: { value: area.coverage, observedAt: computedAt, fresh: true },
  };
  const put = (name: string, value: number | null): void => {
    if (value !== null) metrics[name] = { value, observedAt, fresh };
  };
  put('tti', area.tti);
  put('tpi', area.tpi);
  put('level', area.level === 0 ? null : area.level);
  put('speedKmh', area.meanSpeedKmh);
  put('congestedLengthShare', area.congestedLengthShare);
  return { id: area.areaId, metrics };
}

/** Everything the traffic pipeline knows at one tick, as rule engine input. */
export function trafficInputs(
  city: City,
  state: SegmentState,
  now: TrafficNow,
  freshForMs: number,
): EvaluationInput {
  return {
    entities: {
      segment: segmentEntities(city, state, now.computedAt, freshForMs),
      district: now.districts.map((d) => areaEntity(d, now.computedAt)),
      network: [areaEntity(now.network, now.computedAt)],
    },
  };
}

/** Feed arrivals for the feed-silent rule, from the feed health report. */
export function feedInputs(
  feeds: readonly FeedHealth[],
  silentAfterMs: number,
  watchedSince: number,
): EvaluationInput {
  return {
    feeds: feeds.map((f) => ({
      feed: f.feed,
      lastReceivedAt: f.lastReceivedAt,
      silentAfterMs,
      watchedSince,
    })),
  };
}
