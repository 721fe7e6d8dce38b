import type { FastifyInstance } from 'fastify';
import type { Case } from '@cbo/contracts';
import type { ManualClock } from '../pipeline/clock';

/** Reports segment `index` at `tti` (speed = free flow / tti) at the clock's time, then ticks. */
export function congestAndTick(
  app: FastifyInstance,
  clock: ManualClock,
  index: number,
  tti: number,
  at: number,
): void {
  clock.set(at);
  const segment = app.city.segments[index] as { id: string };
  const speedKmh = (app.city.freeFlowKmh[index] as number) / tti;
  app.ingest.ingestInputs([{ segmentId: segment.id, observedAt: at, speedKmh }], 'http');
  app.pipeline.tickNow(at);
}

/**
 * Congests segment `index` (TTI 3) long enough for the fixture rule `seg-congestion` (10 min) to fire and
 * returns the case it opened, stored and announced.
 */
export async function openCongestionCase(
  app: FastifyInstance,
  clock: ManualClock,
  index = 0,
  from = clock.now(),
): Promise<Case> {
  for (let minute = 0; minute <= 10; minute++) congestAndTick(app, clock, index, 3, from + minute * 60_000);
  await app.cases.idle();
  const segmentId = (app.city.segments[index] as { id: string }).id;
  const found = app.cases.list().find((c) => c.alerts.some((a) => a.entityId === segmentId));
  if (found === undefined) throw new Error(`no case opened for segment ${segmentId}`);
  return found;
}
