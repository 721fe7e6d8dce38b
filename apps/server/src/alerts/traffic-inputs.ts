import type { City } from '@cbo/city';
import type { AreaIndices, FeedHealth, TrafficNow } from '@cbo/contracts';
import type { EntityInput, EvaluationInput, MetricReading } from '@cbo/alerts';
import { congestionLevelForSpeed, segmentTti, tpiFromTti, type SegmentState } from '@cbo/indices';
import { ROAD_CLASSES } from '@cbo/contracts';

/**
 * The segment inputs of the last call, by segment index: a segment whose newest reading has not changed since
 * keeps its `EntityInput` object, so a tick allocates only for the segments that reported (about a tenth).
 */
export interface SegmentInputCache {
  readonly observedAt: Float64Array;
  readonly entities: (EntityInput | undefined)[];
}

/** An empty cache for a city of `segmentCount` segments. */
export function createSegmentInputCache(segmentCount: number): SegmentInputCache {
  return {
    observedAt: new Float64Array(segmentCount),
    entities: new Array<EntityInput | undefined>(segmentCount),
  };
}

function segmentEntity(city: City, i: number, at: number, speed: number): EntityInput {
  const tti = segmentTti(city.freeFlowKmh[i] as number, speed);
  const roadClass = ROAD_CLASSES[city.roadClass[i] as number] ?? 'branch';
  return {
    id: (city.segments[i] as { id: string }).id,
    metrics: {
      tti: { value: tti, observedAt: at, fresh: true },
      tpi: { value: tpiFromTti(tti), observedAt: at, fresh: true },
      level: { value: congestionLevelForSpeed(roadClass, speed), observedAt: at, fresh: true },
      speedKmh: { value: speed, observedAt: at, fresh: true },
    },
  };
}

/**
 * Segment metrics (tti, tpi, level, speedKmh) of every segment with a fresh reading at `now`. Segments without a
 * fresh reading are left out: the engine treats an absent entity as stale, so a firing alert on it turns
 * uncertain and is never cleared by missing data. With a `cache`, unchanged segments reuse their last input.
 */
export function segmentEntities(
  city: City,
  state: SegmentState,
  now: number,
  freshForMs: number,
  cache?: SegmentInputCache,
): EntityInput[] {
  const out: EntityInput[] = [];
  const { observedAt, speedKmh } = state;
  for (let i = 0; i < city.segmentCount; i++) {
    const at = observedAt[i] as number;
    if (at === 0 || now - at > freshForMs) continue;
    const speed = speedKmh[i] as number;
    if (!Number.isFinite(speed)) continue;
    if (cache === undefined) {
      out.push(segmentEntity(city, i, at, speed));
      continue;
    }
    const known = cache.entities[i];
    if (known !== undefined && cache.observedAt[i] === at && known.metrics.speedKmh?.value === speed) {
      out.push(known);
      continue;
    }
    const entity = segmentEntity(city, i, at, speed);
    cache.entities[i] = entity;
    cache.observedAt[i] = at;
    out.push(entity);
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
  cache?: SegmentInputCache,
): EvaluationInput {
  return {
    entities: {
      segment: segmentEntities(city, state, now.computedAt, freshForMs, cache),
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
