import type { City } from '@cbo/city';
import type { RejectedItem, TrafficEvent, TrafficEventInput } from '@cbo/contracts';

/** Largest distance from a detection to the segment it is mapped to, metres. */
export const EVENT_MAX_DISTANCE_M = 60;
/** Events kept in memory (newest). */
export const EVENT_STORE_LIMIT = 5_000;

/** Accepted camera events, newest last, bounded; plus those accepted since the last `takeNew`. */
export interface TrafficEventStore {
  /**
   * Maps each checked input onto the nearest segment within {@link EVENT_MAX_DISTANCE_M} and keeps it; an
   * input no segment is near enough to is rejected with its distance. Repeats (same camera, evidence and time)
   * count as duplicates.
   */
  add(
    items: readonly { index: number; input: TrafficEventInput; observedAt: number }[],
    source: string,
  ): { accepted: number; duplicates: number; rejected: RejectedItem[] };
  /** Events with `from <= observedAt <= to`, newest first, at most `limit`. */
  between(from: number, to: number, limit?: number): TrafficEvent[];
  /** Events accepted since the previous call (for the per-tick socket message). */
  takeNew(): TrafficEvent[];
}

export function createTrafficEventStore(city: Pick<City, 'nearestSegment' | 'segments'>): TrafficEventStore {
  const events: TrafficEvent[] = [];
  const keys = new Set<string>();
  let fresh: TrafficEvent[] = [];
  let counter = 0;
  return {
    add(items, source) {
      const rejected: RejectedItem[] = [];
      let accepted = 0;
      let duplicates = 0;
      for (const { index, input, observedAt } of items) {
        const key = `${input.cameraId ?? ''}|${input.evidenceRef}|${observedAt}`;
        if (keys.has(key)) {
          duplicates += 1;
          continue;
        }
        const nearest = city.nearestSegment(input.position, EVENT_MAX_DISTANCE_M);
        if (!nearest) {
          rejected.push({
            index,
            reason: `position: [${input.position.join(', ')}] is more than ${EVENT_MAX_DISTANCE_M} m from every road segment`,
          });
          continue;
        }
        const segment = city.segments[nearest.index]!;
        counter += 1;
        const event: TrafficEvent = {
          id: `evt-${source}-${observedAt}-${counter}`,
          kind: input.kind,
          position: input.position,
          observedAt,
          evidenceRef: input.evidenceRef,
          cameraId: input.cameraId ?? null,
          segmentId: segment.id,
          distanceM: Math.round(nearest.distanceM * 10) / 10,
          districtId: segment.districtId,
          source,
        };
        events.push(event);
        fresh.push(event);
        keys.add(key);
        accepted += 1;
      }
      if (events.length > EVENT_STORE_LIMIT) {
        for (const dropped of events.splice(0, events.length - EVENT_STORE_LIMIT)) {
          keys.delete(`${dropped.cameraId ?? ''}|${dropped.evidenceRef}|${dropped.observedAt}`);
        }
      }
      return { accepted, duplicates, rejected };
    },
    between(from, to, limit = 500) {
      const out: TrafficEvent[] = [];
      for (let k = events.length - 1; k >= 0 && out.length < limit; k -= 1) {
        const event = events[k]!;
        if (event.observedAt >= from && event.observedAt <= to) out.push(event);
      }
      return out.sort((a, b) => b.observedAt - a.observedAt);
    },
    takeNew() {
      const taken = fresh;
      fresh = [];
      return taken;
    },
  };
}
