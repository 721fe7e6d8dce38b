import fp from 'fastify-plugin';
import { createCameraEventSim } from '@cbo/sim';
import { SIM_SOURCE } from '../ingest/ingest-service';
import { TRAFFIC_ROOM } from '../realtime/traffic-gateway';
import { checkTrafficEvents } from './formats/traffic-event-input';
import { startTrafficBackfill } from './traffic-backfill';
import { trafficInsightInputs } from './traffic-alert-inputs';
import { createTrafficInsights, type TrafficInsightsService } from './traffic-insights';
import { utcOffsetMinutesOf } from './utc-offset';

declare module 'fastify' {
  interface FastifyInstance {
    /** Seven metrics, incidents, daily figures, forecasts and camera events of the traffic pipeline. */
    trafficInsights: TrafficInsightsService;
    /** Resolves when the start-up backfill of past simulated days is over (at once without one). */
    trafficBackfillDone: Promise<void>;
  }
}

/**
 * Runs the traffic insights on every pipeline tick and pushes `traffic:insights` (and new camera events as
 * `traffic:events`) to the traffic room; registers its alert inputs; with the simulator on, adds the
 * simulated camera stream and backfills the past days (TRAFFIC_BACKFILL_DAYS).
 */
export const trafficInsightsPlugin = fp(
  async (app) => {
    const { pipeline, config } = app;
    const startAt = pipeline.clock.now();
    const service = createTrafficInsights({
      city: app.city,
      freshForMs: config.FRESH_FOR_MS,
      utcOffsetMinutes: utcOffsetMinutesOf(app.city.document.timeZone, startAt),
      startAt,
      state: pipeline.state,
    });
    app.decorate('trafficInsights', service);
    const detach = pipeline.onTick((result) => {
      const insights = service.tick(pipeline.state, result.now.computedAt, result.now);
      const room = app.io.to(TRAFFIC_ROOM);
      room.emit('traffic:insights', insights);
      const events = service.events.takeNew();
      if (events.length > 0) room.emit('traffic:events', events);
    });
    let backfill: { done: Promise<void>; stop(): void } | null = null;
    if (config.SIM === 'on') {
      const cameras = createCameraEventSim(
        app.city,
        { seed: config.SIM_SEED, utcOffsetMinutes: service.utcOffsetMinutes },
        startAt,
      );
      pipeline.beforeTick((at) => {
        const { checked } = checkTrafficEvents(cameras.advance(at), at);
        service.events.add(checked, SIM_SOURCE);
      });
    }
    app.decorate('trafficBackfillDone', Promise.resolve());
    app.addHook('onReady', async () => {
      if (app.hasDecorator('alerts')) app.alerts.registerInputs((now) => trafficInsightInputs(service, now));
      if (config.SIM === 'on' && config.TRAFFIC_BACKFILL_DAYS > 0) {
        backfill = startTrafficBackfill({
          service,
          seed: config.SIM_SEED,
          startAt,
          days: config.TRAFFIC_BACKFILL_DAYS,
          log: app.log.child({ module: 'traffic-backfill' }),
        });
        app.trafficBackfillDone = backfill.done;
      }
    });
    // Stopped before any onClose hook: every await of a closing plugin would otherwise wait a backfill slice.
    app.addHook('preClose', async () => backfill?.stop());
    app.addHook('onClose', async () => {
      detach();
      await backfill?.done;
    });
  },
  { name: 'cbo-traffic-insights', dependencies: ['cbo-config', 'cbo-city', 'cbo-pipeline', 'cbo-socket'] },
);
