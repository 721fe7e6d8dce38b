import { createRainField, createTrafficSim, districtRainAreas, districtRainSpeedFactor } from '@cbo/sim';
import type { IngestService } from '../ingest/ingest-service';
import { SIM_SOURCE } from '../ingest/ingest-service';
import type { TrafficPipeline } from '../pipeline/traffic-pipeline';

/** How far back the simulator starts, ms: one report cycle, so every segment has a reading at the first tick. */
export const SIM_WARM_UP_MS = 60_000;

export interface SimDriverOptions {
  pipeline: TrafficPipeline;
  ingest: IngestService;
  seed: number;
  /**
   * Slow traffic by the rain over each segment's district (the same seeded rain field as the river simulator).
   * @default true
   */
  rainSlowsTraffic?: boolean;
}

/**
 * Runs the traffic simulator in process: at the start of every pipeline tick it advances the simulator to the
 * tick time and feeds what it produced through the ingest service as feed `sim`. Time is the pipeline's clock,
 * so with a scaled clock (SIM_SPEED > 1) the simulated day and the pipeline's freshness move together.
 */
export function attachSimDriver({ pipeline, ingest, seed, rainSlowsTraffic = true }: SimDriverOptions): void {
  const { city } = pipeline;
  const speedFactorAt = rainSlowsTraffic
    ? districtRainSpeedFactor(city, createRainField({ seed }), districtRainAreas(city))
    : undefined;
  const sim = createTrafficSim(city, { seed, speedFactorAt }, pipeline.clock.now() - SIM_WARM_UP_MS);
  pipeline.beforeTick((at) => {
    ingest.ingestObservations(sim.advance(at), SIM_SOURCE);
  });
}
