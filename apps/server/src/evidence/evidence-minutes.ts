import type { City } from '@cbo/city';
import type { AreaIndices, TrafficNow } from '@cbo/contracts';
import { segmentTti } from '@cbo/indices';
import type { ObservationRecord } from '../history/history-store';
import type { EvidenceEntity } from './evidence-entities';

const MINUTE_MS = 60_000;

/** One minute of one entity: readings in the minute, mean speed and TTI (null when nothing was known). */
export interface EntityMinute {
  entityId: string;
  target: string;
  /** Start of the minute, epoch ms. */
  at: number;
  readings: number;
  speedKmh: number | null;
  tti: number | null;
}

function segmentMinutes(
  entity: EvidenceEntity,
  segmentIndex: number,
  observations: readonly ObservationRecord[],
  city: City,
): EntityMinute[] {
  const minutes = new Map<number, { sum: number; count: number }>();
  for (const o of observations) {
    if (o.segmentIndex !== segmentIndex) continue;
    const at = Math.floor(o.observedAt / MINUTE_MS) * MINUTE_MS;
    const m = minutes.get(at) ?? { sum: 0, count: 0 };
    m.sum += o.speedKmh;
    m.count += 1;
    minutes.set(at, m);
  }
  const freeFlowKmh = city.freeFlowKmh[segmentIndex]!;
  return [...minutes.entries()]
    .sort(([a], [b]) => a - b)
    .map(([at, { sum, count }]) => {
      const speedKmh = sum / count;
      const tti = segmentTti(freeFlowKmh, speedKmh);
      return { entityId: entity.id, target: entity.target, at, readings: count, speedKmh, tti };
    });
}

function areaOf(now: TrafficNow, entity: EvidenceEntity): AreaIndices | undefined {
  return entity.target === 'network' ? now.network : now.districts.find((d) => d.areaId === entity.id);
}

/**
 * Per-minute chart data of the case's entities: for a segment, the arithmetic mean of the speeds observed in
 * each minute and the TTI of that mean (free flow / speed, clamped as in `@cbo/indices`); for a district or
 * the network, the recorded indices of the last tick of each minute (TTI and harmonic mean speed).
 */
export function entityMinutes(
  entities: readonly EvidenceEntity[],
  observations: readonly ObservationRecord[],
  nowPerMinute: readonly TrafficNow[],
  city: City,
): EntityMinute[] {
  const out: EntityMinute[] = [];
  for (const entity of entities) {
    if (entity.segmentIndex !== null) {
      out.push(...segmentMinutes(entity, entity.segmentIndex, observations, city));
      continue;
    }
    for (const now of nowPerMinute) {
      const area = areaOf(now, entity);
      if (!area) continue;
      out.push({
        entityId: entity.id,
        target: entity.target,
        at: Math.floor(now.computedAt / MINUTE_MS) * MINUTE_MS,
        readings: area.segmentCount,
        speedKmh: area.meanSpeedKmh,
        tti: area.tti,
      });
    }
  }
  return out;
}
