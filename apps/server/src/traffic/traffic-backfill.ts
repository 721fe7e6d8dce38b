import type { FastifyBaseLogger } from 'fastify';
import { DAY_MS } from '@cbo/indices';
import { createSimulatedDay } from './simulated-day';
import type { TrafficInsightsService } from './traffic-insights';

/** Simulated minutes per turn of the event loop, so ticks and requests go on during the backfill. */
export const BACKFILL_MINUTES_PER_TURN = 30;

export interface TrafficBackfillOptions {
  service: TrafficInsightsService;
  seed: number;
  /** Start of the live day: today's minutes before it, then `days` complete past days are simulated. */
  startAt: number;
  days: number;
  log: FastifyBaseLogger;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * With the simulator on, computes what it would have produced before the server started: today from local
 * midnight to the start (merged into today's figures), then the past days newest first (archived and learnt
 * one by one, so forecasts improve as it goes). Runs in slices between ticks; `stop()` abandons it.
 */
export function startTrafficBackfill({ service, seed, startAt, days, log }: TrafficBackfillOptions): {
  done: Promise<void>;
  stop(): void;
} {
  let stopped = false;
  const { city, freshForMs, utcOffsetMinutes } = service;
  async function run(): Promise<void> {
    const started = performance.now();
    const today = createSimulatedDay({
      city,
      seed,
      day: startAt,
      until: startAt,
      freshForMs,
      utcOffsetMinutes,
    });
    while (!stopped && !today.step(BACKFILL_MINUTES_PER_TURN)) await nextTurn();
    if (stopped) return;
    service.mergeToday(today);
    for (let back = 1; back <= days && !stopped; back += 1) {
      const day = createSimulatedDay({
        city,
        seed,
        day: startAt - back * DAY_MS,
        freshForMs,
        utcOffsetMinutes,
      });
      while (!stopped && !day.step(BACKFILL_MINUTES_PER_TURN)) await nextTurn();
      if (!stopped) service.addPastDay(day.toPastDay());
    }
    log.info(
      { days, ms: Math.round(performance.now() - started) },
      'traffic days backfilled from the simulator',
    );
  }
  const done = run().catch((error: unknown) => log.error({ err: error }, 'traffic backfill failed'));
  return {
    done,
    stop() {
      stopped = true;
    },
  };
}
