import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DaySummary, DomainMinutes } from '@cbo/contracts';
import { buildTestApp, TEST_START_AT, type TestApp } from '../testing/test-app';
import { signInAs } from '../testing/sign-in';

const FLEET = 2000;
/** 10:00:58 local: the ticks below cross into 10:01. */
const AT = TEST_START_AT + 58_000;

/** A simulated app ticked at 10:00:58, 10:00:59, 10:01:00 and 10:01:01, recorder flushed. */
async function recordedApp(): Promise<TestApp> {
  const t = await buildTestApp(
    { SIM: 'on', BIKES_FLEET: FLEET, SIM_BACKFILL: 'off', TRAFFIC_BACKFILL_DAYS: 0 },
    AT,
  );
  await t.app.bikes.pollNow(AT);
  for (const at of [AT, AT + 1000, AT + 2000, AT + 3000]) {
    t.clock.set(at);
    t.app.pipeline.tickNow(at);
  }
  await t.app.history.recorder!.flush();
  return t;
}

describe('recorded river and bike minutes (simulators on)', () => {
  // One app for the file (building a simulated app takes seconds); the tests only read it.
  let app: TestApp['app'];
  beforeAll(async () => {
    ({ app } = await recordedApp());
  });
  afterAll(async () => {
    await app.close();
  });

  it('records one river and one bike snapshot per minute and serves them by role', async () => {
    const day = '2026-01-15';
    const recorded = await app.history.store.domainEvents({ from: 0, to: AT + 60_000 });
    expect(recorded.map((e) => [e.kind, e.at])).toEqual([
      ['river', AT],
      ['bikes', AT],
      ['river', AT + 2000],
      ['bikes', AT + 2000],
    ]);
    const riverNow = app.river.latest();
    for (const role of ['analyst', 'officer', 'admin'] as const) {
      const { cookie } = await signInAs(app, role);
      const response = await app.inject({
        url: `/api/v1/history/days/${day}/domains?at=${AT + 1500}`,
        headers: { cookie },
      });
      expect(response.statusCode).toBe(200);
      const body = response.json<DomainMinutes>();
      expect(body.river!.at).toBe(AT);
      expect(body.river!.gauges.length).toBe(riverNow.gauges.length);
      expect(body.bikes!.at).toBe(AT);
      expect(body.bikes!.network.fleet).toBe(FLEET);
      expect(body.bikes!.operators.reduce((sum, o) => sum + o.fleet, 0)).toBe(FLEET);
    }
    const { cookie } = await signInAs(app, 'wall');
    const refused = await app.inject({
      url: `/api/v1/history/days/${day}/domains?at=${AT}`,
      headers: { cookie },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('answers null domains before the first recorded minute of the day', async () => {
    const { cookie } = await signInAs(app, 'analyst');
    const response = await app.inject({
      url: `/api/v1/history/days/2026-01-15/domains?at=${AT - 1}`,
      headers: { cookie },
    });
    expect(response.json<DomainMinutes>()).toEqual({
      date: '2026-01-15',
      at: AT - 1,
      river: null,
      bikes: null,
    });
  });

  it('adds river peaks and bike violations to the day summary', async () => {
    const { cookie } = await signInAs(app, 'analyst');
    const response = await app.inject({
      url: '/api/v1/history/days/2026-01-15/summary',
      headers: { cookie },
    });
    const summary = response.json<DaySummary>();
    const bikes = (await app.history.store.domainEvents({ from: 0, to: AT + 60_000 }))
      .filter((e) => e.kind === 'bikes')
      .map((e) => (e.payload as { network: { inNoParking: number } }).network.inNoParking);
    expect(summary.bikes!.peakInNoParking).toBe(Math.max(...bikes));
    expect(summary.river).toEqual(
      expect.objectContaining({ worstColour: expect.any(String), pollutionEvents: expect.any(Number) }),
    );
  });
});
