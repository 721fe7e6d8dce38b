import { normal4, uniform4 } from './hash';
import { DAY_MS, localDayStart } from './local-time';

/** One simulated incident (ground truth). */
export interface SimIncident {
  id: string;
  segmentIndex: number;
  startAt: number;
  endAt: number;
  /** Share of speed lost on the incident segment, 0..1 (0.75-0.9: speed falls to 10-25 % of normal). */
  severity: number;
}

/** The queue spills one more segment upstream every this many ms. */
export const SPILL_HOP_EVERY_MS = 5 * 60_000;
/** Furthest upstream hop an incident's queue reaches. */
export const MAX_SPILL_HOPS = 4;
/** Effect at hop h is severity x SPILL_DECAY^h. */
export const SPILL_DECAY = 0.55;

const STREAM_COUNT = 0x1c1d;
const STREAM_DETAIL = 0x1c1e;
const MIN_DURATION_MS = 15 * 60_000;
const MAX_DURATION_MS = 60 * 60_000;

/** An incident's effect on one segment: the incident and the number of upstream hops from it. */
export interface IncidentEffect {
  incident: SimIncident;
  hop: number;
}

/** Incidents of one local day and their effects keyed by segment index. */
export interface DayIncidents {
  incidents: SimIncident[];
  effects: Map<number, IncidentEffect[]>;
}

/** Poisson count with mean `mean` from counter-based draws (Knuth below 30, normal approximation above). */
function poissonCount(seed: number, day: number, mean: number): number {
  if (mean <= 0) return 0;
  if (mean >= 30) {
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal4(seed, STREAM_COUNT, day, 0)));
  }
  const limit = Math.exp(-mean);
  let product = 1;
  let count = -1;
  do {
    count += 1;
    product *= 1 - uniform4(seed, STREAM_COUNT, day, count + 1);
  } while (product > limit && count < 1000);
  return count;
}

/** Start minute within the local day: 70 % in the daytime 06:00-22:00, the rest at any hour. */
function startMinute(u: number, v: number): number {
  return u < 0.7 ? 360 + v * 960 : v * 1440;
}

/**
 * The incidents that start on local day `day`, derived from `(seed, day)` alone, with the segments each
 * one slows: the incident segment (hop 0) and up to {@link MAX_SPILL_HOPS} hops upstream.
 */
export function incidentsForDay(
  seed: number,
  day: number,
  upstream: readonly (readonly number[])[],
  perDayPer1000Segments: number,
  utcOffsetMinutes: number,
): DayIncidents {
  const segmentCount = upstream.length;
  const count =
    segmentCount === 0 ? 0 : poissonCount(seed, day, (perDayPer1000Segments * segmentCount) / 1000);
  const dayStart = localDayStart(day, utcOffsetMinutes);
  const incidents: SimIncident[] = [];
  const effects = new Map<number, IncidentEffect[]>();
  for (let j = 0; j < count; j += 1) {
    const draw = (k: number): number => uniform4(seed, STREAM_DETAIL, day, j * 8 + k);
    const startAt = dayStart + Math.floor(startMinute(draw(0), draw(1)) * 60) * 1000;
    const durationMs =
      Math.round((MIN_DURATION_MS + draw(2) * (MAX_DURATION_MS - MIN_DURATION_MS)) / 1000) * 1000;
    const incident: SimIncident = {
      id: `sim-${day}-${j}`,
      segmentIndex: Math.min(segmentCount - 1, Math.floor(draw(3) * segmentCount)),
      startAt,
      endAt: Math.min(startAt + durationMs, dayStart + DAY_MS + MAX_DURATION_MS),
      severity: 0.75 + draw(4) * 0.15,
    };
    incidents.push(incident);
    spreadUpstream(incident, upstream, effects);
  }
  return { incidents, effects };
}

function spreadUpstream(
  incident: SimIncident,
  upstream: readonly (readonly number[])[],
  effects: Map<number, IncidentEffect[]>,
): void {
  const seen = new Set<number>([incident.segmentIndex]);
  let frontier = [incident.segmentIndex];
  for (let hop = 0; hop <= MAX_SPILL_HOPS && frontier.length > 0; hop += 1) {
    const next: number[] = [];
    for (const segment of frontier) {
      const list = effects.get(segment);
      if (list) list.push({ incident, hop });
      else effects.set(segment, [{ incident, hop }]);
      for (const up of upstream[segment] ?? []) {
        if (!seen.has(up)) {
          seen.add(up);
          next.push(up);
        }
      }
    }
    frontier = next;
  }
}

/**
 * Speed factor (0..1] an effect imposes at `at`: 1 - severity x SPILL_DECAY^hop while the incident lasts,
 * from the moment the queue has reached that hop; 1 otherwise.
 */
export function effectFactor(effect: IncidentEffect, at: number): number {
  const { incident, hop } = effect;
  if (at < incident.startAt + hop * SPILL_HOP_EVERY_MS || at >= incident.endAt) return 1;
  return 1 - incident.severity * SPILL_DECAY ** hop;
}
