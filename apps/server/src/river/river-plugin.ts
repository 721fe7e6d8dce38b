import fp from 'fastify-plugin';
import type { Case, PollutionEvent, RiverEventView } from '@cbo/contracts';
import { resolveConfigPath } from '../config';
import { SIM_SOURCE } from '../ingest/ingest-service';
import { localMidnight } from '../pipeline/tti-series';
import { TRAFFIC_ROOM } from '../realtime/traffic-gateway';
import { utcOffsetMinutesOf } from '../traffic/utc-offset';
import { dispatchPollutionCase, POLLUTION_CASE_KIND } from './pollution-cases';
import { riverAlertInputs } from './river-alert-inputs';
import { readRiverNetwork } from './read-river-network';
import { createRiverService, type RiverService } from './river-service';
import { attachRiverSimDriver } from './river-sim-driver';

declare module 'fastify' {
  interface FastifyInstance {
    /** The river domain: network, gauge and station state, pollution events, indices of the latest tick. */
    river: RiverService;
  }
}

/** `river:now` is pushed when the state changed, and at least this often, ms of the server's clock. */
export const RIVER_PUSH_EVERY_MS = 10_000;

/** A pollution event with the case it became (the newest case naming it) and that case's result. */
export function riverEventView(event: PollutionEvent, cases: readonly Case[]): RiverEventView {
  const found = cases.find(
    (c) => c.kind === POLLUTION_CASE_KIND && c.alerts.some((a) => a.entityId === event.id),
  );
  return {
    ...event,
    caseId: found?.id ?? null,
    caseStatus: found?.status ?? null,
    result: found?.result ?? null,
  };
}

/**
 * The river domain: loads the river network of CITY_DIR, computes the river indices on every pipeline tick,
 * pushes `river:now` (on change, at least every 10 s) and `river:event` (each new pollution event) to every
 * client, registers the river alert inputs, dispatches pollution cases to river enforcement, and with SIM=on
 * runs the river simulator on the pipeline's clock (today's hydrographs filled from local midnight).
 */
export const riverPlugin = fp(
  async (app) => {
    const { pipeline, config } = app;
    const network = await readRiverNetwork(resolveConfigPath(config.CITY_DIR), app.city);
    const startAt = pipeline.clock.now();
    const service = createRiverService({ network, city: app.city, startAt });
    app.decorate('river', service);
    if (config.SIM === 'on') {
      const startedAt = performance.now();
      const { backfilledReadings } = attachRiverSimDriver({
        pipeline,
        service,
        network,
        city: app.city,
        seed: config.SIM_SEED,
        utcOffsetMinutes: utcOffsetMinutesOf(app.city.document.timeZone, startAt),
        backfillFrom: localMidnight(startAt, app.city.document.timeZone),
        source: SIM_SOURCE,
      });
      const ms = Math.round(performance.now() - startedAt);
      app.log.info(
        { readings: backfilledReadings, ms },
        'river simulator on, hydrographs filled since midnight',
      );
    }
    let pushedVersion = -1;
    let pushedAt = Number.NEGATIVE_INFINITY;
    const detach = pipeline.onTick((result) => {
      const at = result.now.computedAt;
      const now = service.tick(at);
      const room = app.io.to(TRAFFIC_ROOM);
      if (service.state.version !== pushedVersion || at - pushedAt >= RIVER_PUSH_EVERY_MS) {
        pushedVersion = service.state.version;
        pushedAt = at;
        room.emit('river:now', now);
      }
      const fresh = service.events.takeNew();
      if (fresh.length > 0) {
        const cases = app.hasDecorator('cases') ? app.cases.list() : [];
        for (const event of fresh) room.emit('river:event', riverEventView(event, cases));
      }
    });
    // Dispatches run after the case event that opened them; close waits for them so none writes to a closed store.
    const dispatching = new Set<Promise<void>>();
    app.addHook('onReady', async () => {
      if (!app.hasDecorator('alerts')) return;
      app.alerts.registerInputs((now) => riverAlertInputs(service, app.city, now));
      app.cases.onEvent((change) => {
        if (change.case.kind !== POLLUTION_CASE_KIND || !change.events.some((e) => e.action === 'open'))
          return;
        const log = app.log.child({ module: 'river' });
        const dispatch = dispatchPollutionCase(app.cases, service, change.case, log)
          .catch((error: unknown) =>
            log.error({ err: error, caseId: change.case.id }, 'pollution dispatch failed'),
          )
          .finally(() => dispatching.delete(dispatch));
        dispatching.add(dispatch);
      });
    });
    app.addHook('onClose', async () => {
      detach();
      await Promise.all([...dispatching]);
    });
  },
  {
    name: 'cbo-river',
    dependencies: ['cbo-config', 'cbo-city', 'cbo-pipeline', 'cbo-socket'],
  },
);
