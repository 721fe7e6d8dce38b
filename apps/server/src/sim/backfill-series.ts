import type { City } from '@cbo/city';
import type { TtiPoint } from '@cbo/contracts';
import { applyObservation, computeTrafficIndices, createSegmentState } from '@cbo/indices';
import { createTrafficSim } from '@cbo/sim';

const MINUTE_MS = 60_000;

/** What {@link backfillTtiSeries} needs. */
export interface BackfillOptions {
  city: City;
  seed: number;
  /** First minute to compute (local midnight), epoch ms. */
  from: number;
  /** Compute minutes strictly before this time, epoch ms. */
  to: number;
  freshForMs: number;
}

/**
 * Network TTI per minute from `from` to `to`, as the simulator with this seed would have produced it: the day's
 * curve so far for a server that starts in the middle of a simulated day. Runs its own simulator and state, so
 * the live pipeline is untouched; the simulator is step-independent, so the curve joins the live one exactly.
 */
export function backfillTtiSeries({ city, seed, from, to, freshForMs }: BackfillOptions): TtiPoint[] {
  const sim = createTrafficSim(city, { seed }, from - freshForMs);
  const state = createSegmentState(city.segmentCount);
  const points: TtiPoint[] = [];
  for (let at = from; at < to; at += MINUTE_MS) {
    for (const observation of sim.advance(at)) {
      const index = city.segmentIndexById.get(observation.segmentId);
      if (index !== undefined)
        applyObservation(state, index, observation.observedAt, observation.speedKmh, observation.flowVph);
    }
    points.push({ at, tti: computeTrafficIndices(city, state, at, { freshForMs }).network.tti });
  }
  return points;
}
