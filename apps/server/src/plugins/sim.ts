import fp from 'fastify-plugin';
import { attachSimDriver } from '../sim/sim-driver';

/** With SIM=on, runs the traffic simulator in process, fed through the ingest service every tick. */
export const simPlugin = fp(
  async (app) => {
    if (app.config.SIM !== 'on') return;
    attachSimDriver({ pipeline: app.pipeline, ingest: app.ingest, seed: app.config.SIM_SEED });
    app.log.info({ seed: app.config.SIM_SEED, speed: app.config.SIM_SPEED }, 'traffic simulator on');
  },
  { name: 'cbo-sim', dependencies: ['cbo-config', 'cbo-pipeline', 'cbo-ingest'] },
);
