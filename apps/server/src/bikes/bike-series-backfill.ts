import type { BikeCityFixture, City } from '@cbo/city';
import { buildSimGbfsDocument, type BikeSim } from '@cbo/sim';
import type { BikeOperatorSeriesStore } from './bike-operator-series';
import { createBikeService } from './bike-service';

/** Step of the backfill, ms: one point per 15 minutes. */
export const BIKE_BACKFILL_STEP_MS = 15 * 60_000;

/** Options of {@link backfillBikeSeries}. */
export interface BikeSeriesBackfillOptions {
  city: City;
  sim: BikeSim;
  fixture: BikeCityFixture;
  series: BikeOperatorSeriesStore;
  /** First instant (local midnight), ms. */
  from: number;
  /** Exclusive end (the server's start), ms. */
  to: number;
  /** Stops between steps when it returns true (the app is closing). */
  stopped: () => boolean;
}

/**
 * Fills today's operator series from local midnight to the start with the simulator's documents, every 15
 * minutes, through a separate bike service and the same ingest as the live feed. Yields to the event loop
 * between steps. Resolves with the number of steps done.
 */
export async function backfillBikeSeries({
  city,
  sim,
  fixture,
  series,
  from,
  to,
  stopped,
}: BikeSeriesBackfillOptions): Promise<number> {
  const service = createBikeService({ city, fixture });
  const document = (systemId: string, file: 'system_information' | 'vehicle_status', at: number): object =>
    buildSimGbfsDocument(sim, fixture, { systemId, file, at, baseUrl: '' }) ?? {};
  for (const o of sim.operators)
    service.ingestDocument(
      `sim-${o.id}`,
      'system_information',
      document(o.id, 'system_information', from),
      from,
    );
  let steps = 0;
  for (
    let at = Math.ceil(from / BIKE_BACKFILL_STEP_MS) * BIKE_BACKFILL_STEP_MS;
    at < to;
    at += BIKE_BACKFILL_STEP_MS
  ) {
    if (stopped()) break;
    for (const o of sim.operators)
      service.ingestDocument(`sim-${o.id}`, 'vehicle_status', document(o.id, 'vehicle_status', at), at);
    series.sample(at, service.metrics(at));
    steps++;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return steps;
}
