import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { AreaToday } from '@cbo/contracts';
import { signInAs } from '../testing/sign-in';
import { buildTestApp } from '../testing/test-app';

/** 2026-01-14 10:00 in Hangzhou (UTC+8). */
const DAY_BEFORE_10H = Date.UTC(2026, 0, 14, 2, 0, 0);
/** Local midnight starting 2026-01-14. */
const DAY_BEFORE_START = Date.UTC(2026, 0, 13, 16, 0, 0);
let app: FastifyInstance | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Records 2026-01-14 10:00 with every segment at half its free-flow speed, then runs on to the next day. */
async function recordDayBefore(): Promise<FastifyInstance> {
  const built = await buildTestApp({}, DAY_BEFORE_10H);
  const target = built.app;
  target.ingest.ingestObservations(
    target.city.segments.map((s) => ({
      segmentId: s.id,
      observedAt: DAY_BEFORE_10H - 1000,
      speedKmh: s.freeFlowKmh / 2,
      source: 'test',
    })),
    'test',
  );
  target.pipeline.tickNow(DAY_BEFORE_10H);
  await target.history.recorder!.flush();
  const nextDay = DAY_BEFORE_10H + 86_400_000;
  built.clock.set(nextDay);
  target.pipeline.tickNow(nextDay);
  return target;
}

async function getAs(target: FastifyInstance, role: 'analyst' | 'wall', url: string) {
  const { cookie } = await signInAs(target, role);
  return target.inject({ url, headers: { cookie } });
}

describe('GET /traffic/areas/:kind/:id/today?date&at (a past day)', () => {
  it('gives the network curve up to the replay time and the metrics recomputed from recorded speeds', async () => {
    app = await recordDayBefore();
    const at = DAY_BEFORE_10H + 30_000;
    const response = await getAs(
      app,
      'analyst',
      `/api/v1/traffic/areas/network/network/today?date=2026-01-14&at=${at}`,
    );
    expect(response.statusCode).toBe(200);
    const body = response.json<AreaToday>();
    expect(body.dayStart).toBe(DAY_BEFORE_START);
    // 10:00 is minute 600, the 120th 5-minute point; nothing is drawn after the replay time.
    expect(body.points[120]!.tti).toBeCloseTo(2, 2);
    expect(body.points[121]!.tti).toBeNull();
    expect(body.metrics?.tti).toBeCloseTo(2, 2);
    expect(body.metrics?.coverage).toBe(1);
  });

  it('gives a segment its recorded 15-minute speed on that day', async () => {
    app = await recordDayBefore();
    const segment = app.city.segments[0]!;
    const response = await getAs(
      app,
      'analyst',
      `/api/v1/traffic/areas/segment/${segment.id}/today?date=2026-01-14`,
    );
    const body = response.json<AreaToday>();
    // The reading of 09:59:59 falls in slot 39 (09:45-10:00) of 15 minutes; none before it.
    expect(body.points[39]!.speedKmh).toBeCloseTo(segment.freeFlowKmh / 2, 1);
    expect(body.points[38]!.speedKmh).toBeNull();
    expect(body.metrics?.meanSpeedKmh).toBeCloseTo(segment.freeFlowKmh / 2, 1);
  });

  it('refuses a past day to the wall role and answers 404 for a day without a record', async () => {
    app = await recordDayBefore();
    const wall = await getAs(app, 'wall', '/api/v1/traffic/areas/network/network/today?date=2026-01-14');
    expect(wall.statusCode).toBe(403);
    const none = await getAs(app, 'analyst', '/api/v1/traffic/areas/network/network/today?date=2025-06-01');
    expect(none.statusCode).toBe(404);
  });
});
