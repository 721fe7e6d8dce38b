import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createDayAccumulator, summarizeDay } from '@cbo/indices';
import { signInAs } from '../testing/sign-in';
import { buildTestApp, TEST_START_AT } from '../testing/test-app';
import type { ManualClock } from '../pipeline/clock';
import { createTrafficDayRecord } from './traffic-day-recorder';
import type { PastTrafficDay } from './traffic-day-archive';
import { trafficInsightInputs } from './traffic-alert-inputs';

const MINUTE = 60_000;
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Every segment at `ratio` of its free-flow speed (speed = vf / tti), except `override`. */
function feedAll(
  target: FastifyInstance,
  at: number,
  tti: number,
  override?: { index: number; speedKmh: number },
): void {
  target.ingest.ingestObservations(
    target.city.segments.map((segment) => ({
      segmentId: segment.id,
      observedAt: at,
      speedKmh: override?.index === segment.index ? override.speedKmh : segment.freeFlowKmh / tti,
      source: 'test',
    })),
    'test',
  );
}

function runMinutes(
  target: FastifyInstance,
  clock: ManualClock,
  from: number,
  minutes: number,
  tti: number,
  override?: { index: number; speedKmh: number },
): number {
  let at = from;
  for (let m = 0; m < minutes; m += 1) {
    at = from + m * MINUTE;
    clock.set(at);
    feedAll(target, at - 1000, tti, override);
    target.pipeline.tickNow(at);
  }
  return at;
}

/** A past day whose network and district TTI is `tti` at every minute. */
function flatPastDay(target: FastifyInstance, dayStart: number, tti: number): PastTrafficDay {
  const { city } = target;
  const offset = target.trafficInsights.utcOffsetMinutes;
  const acc = createDayAccumulator(city, dayStart, offset);
  const areaIds = ['network', ...city.districtIds];
  return {
    figures: summarizeDay(acc),
    series: {
      dayStart: acc.dayStart,
      weekend: acc.weekend,
      areaIds,
      tti: areaIds.map(() => new Float32Array(1440).fill(tti)),
    },
    record: createTrafficDayRecord(acc.dayStart, city.districtIds, city.segmentCount),
  };
}

async function get(target: FastifyInstance, url: string, cookie?: string) {
  return target.inject({ url: `/api/v1${url}`, headers: cookie ? { cookie } : {} });
}

describe('GET /api/v1/traffic/insights', () => {
  it('answers 401 without a session', async () => {
    ({ app } = await buildTestApp());
    expect((await get(app, '/traffic/insights')).statusCode).toBe(401);
  });

  it('gives the seven metrics of the network and every district to the wall', async () => {
    let clock: ManualClock;
    ({ app, clock } = await buildTestApp());
    const { cookie } = await signInAs(app, 'wall');
    runMinutes(app, clock, TEST_START_AT, 1, 2);
    const body = (await get(app, '/traffic/insights', cookie)).json();
    expect(body.network).toMatchObject({
      areaId: 'network',
      kind: 'network',
      coverage: 1,
      activeIncidents: 0,
    });
    expect(body.network.tti).toBeCloseTo(2, 4);
    expect(body.network.vehiclesInTransit).toBeGreaterThan(0);
    expect(body.districts).toHaveLength(app.city.districtIds.length);
    expect(body.forecasts[0]).toMatchObject({ areaId: 'network', method: 'persistence' });
  });
});

describe('incident detector on the manual clock', () => {
  it('raises a suspected incident after three drop readings, counts it, and feeds the alert engine', async () => {
    let clock: ManualClock;
    ({ app, clock } = await buildTestApp());
    const { cookie } = await signInAs(app, 'officer');
    const victim = app.city.segments[40]!;
    const start = runMinutes(app, clock, TEST_START_AT, 12, 1.25);
    const drop = { index: victim.index, speedKmh: victim.freeFlowKmh / 1.25 / 5 };
    runMinutes(app, clock, start + MINUTE, 2, 1.25, drop);
    expect((await get(app, '/traffic/incidents', cookie)).json().active).toEqual([]);
    const raisedAt = runMinutes(app, clock, start + 3 * MINUTE, 1, 1.25, drop);
    const { active } = (await get(app, '/traffic/incidents', cookie)).json();
    // ratio 0.2 against neighbours at 1: depth 0.6, contrast (1 - 0.2 - 0.3) / 0.7; 0.5 + 0.15 + 0.1786.
    expect(active).toEqual([
      expect.objectContaining({
        segmentId: victim.id,
        startedAt: start + MINUTE - 1000,
        raisedAt: raisedAt - 1000,
        confidence: 0.829,
      }),
    ]);
    expect((await get(app, '/traffic/insights', cookie)).json().network.activeIncidents).toBe(1);
    const input = trafficInsightInputs(app.trafficInsights, raisedAt);
    expect(input.entities?.segment).toContainEqual({
      id: victim.id,
      metrics: { incidentConfidence: { value: 0.829, observedAt: raisedAt - 1000, fresh: true } },
    });
    app.pipeline.tickNow(raisedAt + 1000);
    expect(app.alerts.active().map((alert) => alert.ruleId)).toContain('incident-suspected');
  });
});

describe('forecasts and daily figures', () => {
  it('forecasts 15/30/60 min from a learnt typical day plus the decaying current deviation', async () => {
    let clock: ManualClock;
    ({ app, clock } = await buildTestApp());
    const { cookie } = await signInAs(app, 'analyst');
    app.trafficInsights.addPastDay(flatPastDay(app, TEST_START_AT - 7 * 86_400_000, 1.2));
    const at = runMinutes(app, clock, TEST_START_AT, 5, 1.5);
    const network = (await get(app, '/traffic/insights', cookie)).json().forecasts[0];
    expect(network.method).toBe('typical-deviation');
    // deviation 1.5 / 1.2 - 1 = 0.25; forecast = 1.2 (1 + 0.25 e^(-h/60)).
    const expected = [15, 30, 60].map((h) => 1.2 * (1 + 0.25 * Math.exp(-h / 60)));
    network.points.forEach((point: { tti: number; at: number }, k: number) => {
      expect(point.tti).toBeCloseTo(expected[k]!, 3);
      expect(point.at).toBe(at + [15, 30, 60][k]! * MINUTE);
    });
    const input = trafficInsightInputs(app.trafficInsights, at);
    const metrics = input.entities?.network?.[0]?.metrics;
    expect(metrics?.['forecastTti30']?.value).toBeCloseTo(expected[1]!, 3);
  });

  it("reports today's figures and compares with the same weekday last week", async () => {
    let clock: ManualClock;
    ({ app, clock } = await buildTestApp());
    const { cookie } = await signInAs(app, 'wall');
    app.trafficInsights.addPastDay(flatPastDay(app, TEST_START_AT - 7 * 86_400_000, 1.2));
    runMinutes(app, clock, TEST_START_AT, 3, 2);
    const report = (await get(app, '/traffic/day/2026-01-15', cookie)).json();
    expect(report.figures).toMatchObject({ date: '2026-01-15', minutesWithData: 3, dayOfWeek: 4 });
    expect(report.figures.meanTti).toBeCloseTo(2, 4);
    expect(report.vsSameWeekdayLastWeek).toMatchObject({
      reference: 'same-weekday-last-week',
      referenceDays: 1,
    });
    expect(report.vsTypicalDay).toMatchObject({ reference: 'typical-day', referenceDays: 1 });
    expect((await get(app, '/traffic/day/2026-01-08', cookie)).json().figures.date).toBe('2026-01-08');
  });

  it('answers 404 for a day it holds nothing for and 400 for a malformed date', async () => {
    ({ app } = await buildTestApp());
    const { cookie } = await signInAs(app, 'wall');
    expect((await get(app, '/traffic/day/2025-03-01', cookie)).statusCode).toBe(404);
    expect((await get(app, '/traffic/day/2025-02-30', cookie)).statusCode).toBe(400);
  });
});

describe('drill-down', () => {
  it('gives a district today against the typical day, every 5 minutes', async () => {
    let clock: ManualClock;
    ({ app, clock } = await buildTestApp());
    const { cookie } = await signInAs(app, 'officer');
    app.trafficInsights.addPastDay(flatPastDay(app, TEST_START_AT - 7 * 86_400_000, 1.2));
    runMinutes(app, clock, TEST_START_AT, 1, 1.5);
    const districtId = app.city.districtIds[0]!;
    const body = (await get(app, `/traffic/areas/district/${districtId}/today`, cookie)).json();
    expect(body).toMatchObject({ kind: 'district', id: districtId, stepMinutes: 5 });
    expect(body.points).toHaveLength(288);
    const tenOClock = body.points[120];
    expect(tenOClock.tti).toBeCloseTo(1.5, 3);
    expect(tenOClock.typicalTti).toBeCloseTo(1.2, 3);
    expect(body.metrics.areaId).toBe(districtId);
  });

  it('gives a segment its 15-minute speeds and its own metrics', async () => {
    let clock: ManualClock;
    ({ app, clock } = await buildTestApp());
    const { cookie } = await signInAs(app, 'wall');
    runMinutes(app, clock, TEST_START_AT, 1, 2);
    const segment = app.city.segments[3]!;
    const body = (await get(app, `/traffic/areas/segment/${segment.id}/today`, cookie)).json();
    expect(body.points).toHaveLength(96);
    expect(body.points[40].speedKmh).toBeCloseTo(segment.freeFlowKmh / 2, 1);
    expect(body.metrics).toMatchObject({ areaId: segment.id, segmentCount: 1, coverage: 1 });
    expect(body.metrics.tti).toBeCloseTo(2, 2);
  });

  it('answers 404 for an unknown area and 400 for an unknown kind', async () => {
    ({ app } = await buildTestApp());
    const { cookie } = await signInAs(app, 'wall');
    expect((await get(app, '/traffic/areas/segment/nope/today', cookie)).statusCode).toBe(404);
    expect((await get(app, '/traffic/areas/planet/x/today', cookie)).statusCode).toBe(400);
  });

  it("lists a segment's raw observations in the window, oldest first, from the in-memory buffer", async () => {
    let clock: ManualClock;
    ({ app, clock } = await buildTestApp());
    const { cookie } = await signInAs(app, 'analyst');
    runMinutes(app, clock, TEST_START_AT, 3, 2);
    const segment = app.city.segments[0]!;
    const url = `/traffic/segments/${segment.id}/observations?from=${TEST_START_AT}&to=${TEST_START_AT + 3 * MINUTE}`;
    const body = (await get(app, url, cookie)).json();
    expect(body.origin).toBe('memory');
    expect(body.observations.map((o: { observedAt: number }) => o.observedAt)).toEqual([
      TEST_START_AT + MINUTE - 1000,
      TEST_START_AT + 2 * MINUTE - 1000,
    ]);
    expect((await get(app, '/traffic/segments/nope/observations', cookie)).statusCode).toBe(404);
  });
});
