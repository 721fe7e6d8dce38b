import type { PollutionEvent } from '@cbo/contracts';

/** Pollution events of the last days, deduplicated by id, in time order. */
export interface RiverEventStore {
  /** Adds events; an id already held is a duplicate. Returns how many were new. */
  add(events: readonly PollutionEvent[]): { accepted: PollutionEvent[]; duplicates: number };
  /** Events with `observedAt` in [from, to], oldest first. */
  between(from: number, to: number): PollutionEvent[];
  get(id: string): PollutionEvent | undefined;
  /** Events added since the last call (for the socket), in the order they were added. */
  takeNew(): PollutionEvent[];
  /** Drops events older than `now - keepMs`. */
  prune(now: number): void;
}

/** Events kept in memory, ms (the recorder keeps history). */
export const RIVER_EVENTS_KEEP_MS = 3 * 86_400_000;

/** Creates an empty event store. */
export function createRiverEventStore(keepMs = RIVER_EVENTS_KEEP_MS): RiverEventStore {
  const byId = new Map<string, PollutionEvent>();
  let ordered: PollutionEvent[] = [];
  let fresh: PollutionEvent[] = [];
  return {
    add(events) {
      const accepted: PollutionEvent[] = [];
      let duplicates = 0;
      for (const event of events) {
        if (byId.has(event.id)) {
          duplicates += 1;
          continue;
        }
        byId.set(event.id, event);
        accepted.push(event);
      }
      if (accepted.length > 0) {
        ordered = [...ordered, ...accepted].sort((a, b) => a.observedAt - b.observedAt);
        fresh.push(...accepted);
      }
      return { accepted, duplicates };
    },
    between: (from, to) => ordered.filter((e) => e.observedAt >= from && e.observedAt <= to),
    get: (id) => byId.get(id),
    takeNew() {
      const out = fresh;
      fresh = [];
      return out;
    },
    prune(now) {
      const keep = ordered.filter((e) => e.observedAt >= now - keepMs);
      for (const e of ordered) if (e.observedAt < now - keepMs) byId.delete(e.id);
      ordered = keep;
    },
  };
}
