import fp from 'fastify-plugin';
import { localMidnight } from '../pipeline/tti-series';
import { backfillTtiSeries } from '../sim/backfill-series';
import { attachSimDriver } from '../sim/sim-driver';

/**
 * With SIM=on, runs the traffic simulator in process, fed through the ingest service every tick. With
 * SIM_BACKFILL=on it first computes today's network TTI curve from local midnight up to the start time.
 */
export const simPlugin = fp(
  async (app) => {
    const { config, pipeline } = app;
    if (config.SIM !== 'on') return;
    if (config.SIM_BACKFILL === 'on') {
      const startedAt = performance.now();
      const to = pipeline.clock.now();
      const from = localMidnight(to, app.city.document.timeZone);
      pipeline.backfillSeries(
        backfillTtiSeries({
          city: app.city,
          seed: config.SIM_SEED,
          from,
          to,
          freshForMs: config.FRESH_FOR_MS,
        }),
      );
      app.log.info(
        { minutes: Math.floor((to - from) / 60_000), ms: Math.round(performance.now() - startedAt) },
        'backfilled the TTI curve since midnight',
      );
    }
    attachSimDriver({ pipeline, ingest: app.ingest, seed: config.SIM_SEED });
    app.log.info({ seed: config.SIM_SEED, speed: config.SIM_SPEED }, 'traffic simulator on');
  },
  { name: 'cbo-sim', dependencies: ['cbo-config', 'cbo-pipeline', 'cbo-ingest'] },
);
