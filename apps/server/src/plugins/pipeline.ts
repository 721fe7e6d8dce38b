import fp from 'fastify-plugin';
import type { Clock } from '../pipeline/clock';
import { createTrafficPipeline, type TrafficPipeline } from '../pipeline/traffic-pipeline';

declare module 'fastify' {
  interface FastifyInstance {
    /** The traffic pipeline: state, ticks, indices, frames. `app.pipeline.tickNow(at)` ticks by hand. */
    pipeline: TrafficPipeline;
  }
}

/** Creates the pipeline on the given clock; ticks start when the app is ready and stop when it closes. */
export const pipelinePlugin = fp<{ clock: Clock }>(
  async (app, options) => {
    const pipeline = createTrafficPipeline({
      city: app.city,
      clock: options.clock,
      tickMs: app.config.TICK_MS,
      freshForMs: app.config.FRESH_FOR_MS,
    });
    app.decorate('pipeline', pipeline);
    const log = app.log.child({ module: 'pipeline' });
    app.addHook('onReady', async () => {
      pipeline.start((error) => log.error({ err: error }, 'tick failed'));
    });
    app.addHook('onClose', async () => pipeline.stop());
  },
  { name: 'cbo-pipeline', dependencies: ['cbo-config', 'cbo-city'] },
);
