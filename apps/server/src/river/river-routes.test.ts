import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { GaugeSeries, RiverEventList, RiverNow } from '@cbo/contracts';
import { createTestIngestKey, signInAs } from '../testing/sign-in';
import { buildTestApp, TEST_START_AT } from '../testing/test-app';
import type { ManualClock } from '../pipeline/clock';

const MIN = 60_000;
// Gouzhuang and Liangzhu Harbour stand on one reach (grand-canal-gouzhuang).
const GAUGE = 'g-grand-gouzhuang'; // warning 3.95, guaranteed 4.45, historic maximum 4.9 m
const SECOND_GAUGE = 'g-grand-liangzhu-harbour';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

interface Setup {
  app: FastifyInstance;
  clock: ManualClock;
  key: string;
  cookie: string;
}

async function setUp(): Promise<Setup> {
  const built = await buildTestApp();
  app = built.app;
  const key = await createTestIngestKey(app, ['rivers']);
  const { cookie } = await signInAs(app, 'officer');
  return { app, clock: built.clock, key, cookie };
}

async function ingest(s: Setup, url: string, items: unknown[]): Promise<void> {
  const response = await s.app.inject({
    method: 'POST',
    url: `/api/v1${url}`,
    headers: { 'x-api-key': s.key },
    payload: items,
  });
  expect(response.json()).toMatchObject({ rejected: [] });
}

async function get<T>(s: Setup, url: string): Promise<{ statusCode: number; body: T }> {
  const response = await s.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: s.cookie } });
  return { statusCode: response.statusCode, body: response.json() as T };
}

/** Readings every 10 min over the last hour, rising 0.3 m/h to `levelM` now. */
const risingTo = (gaugeId: string, levelM: number) =>
  Array.from({ length: 7 }, (_, k) => ({
    gaugeId,
    observedAt: TEST_START_AT - (6 - k) * 10 * MIN,
    levelM: Math.round((levelM - (6 - k) * 0.05) * 1000) / 1000,
  }));

describe('GET /api/v1/river/now', () => {
  it('shows a gauge at its historic maximum as red with its rise rate, and counts it', async () => {
    const s = await setUp();
    await ingest(s, '/ingest/river', risingTo(GAUGE, 4.9));
    s.app.pipeline.tickNow(TEST_START_AT);
    const { body } = await get<RiverNow>(s, '/river/now');
    const gauge = body.gauges.find((g) => g.gaugeId === GAUGE)!;
    expect(gauge).toMatchObject({
      levelM: 4.9,
      colour: 'red',
      fresh: true,
      forecastStatus: 'at-or-above',
      timeToWarningMs: 0,
    });
    expect(gauge.rise1hMPerH).toBeCloseTo(0.3, 9);
    expect(body.gaugesByColour.red).toBe(1);
    expect(body.reaches.find((r) => r.reachId === 'grand-canal-gouzhuang')).toMatchObject({
      colour: 'red',
      worstGaugeId: GAUGE,
    });
  });

  it('flags the road segments near a red gauge as flooded, and only then', async () => {
    const s = await setUp();
    const gaugeIndex = s.app.river.network.gaugeIndexById.get('g-grand-wulinmen')!;
    const near = s.app.river.nearSegments[gaugeIndex]!;
    expect(near.length).toBeGreaterThan(0);
    await ingest(s, '/ingest/river', [
      { gaugeId: 'g-grand-wulinmen', observedAt: TEST_START_AT, levelM: 4.0 },
    ]);
    expect(s.app.river.tick(TEST_START_AT).floodedSegmentIds).toEqual([]);
    const gauge = s.app.river.network.gauges[gaugeIndex]!;
    await ingest(s, '/ingest/river', [
      { gaugeId: 'g-grand-wulinmen', observedAt: TEST_START_AT + 1, levelM: gauge.historicMaxLevelM },
    ]);
    const flooded = s.app.river.tick(TEST_START_AT + 1).floodedSegmentIds;
    expect(flooded).toEqual(near.map((i) => s.app.city.segments[i]!.id));
  });

  it('gives a water-quality station its class and how far it is below its target', async () => {
    const s = await setUp();
    // wq-gouzhuang targets class IV; NH3-N 1.8 mg/L is class V, the rest class II.
    await ingest(s, '/ingest/river', [
      {
        stationId: 'wq-gouzhuang',
        observedAt: TEST_START_AT - MIN,
        doMgL: 6.5,
        codMnMgL: 3,
        nh3nMgL: 1.8,
        tpMgL: 0.08,
      },
    ]);
    const station = s.app.river.tick(TEST_START_AT).stations.find((x) => x.stationId === 'wq-gouzhuang');
    expect(station).toMatchObject({
      waterClass: 5,
      worstFactors: ['nh3nMgL'],
      classOverTarget: 1,
      fresh: true,
    });
  });
});

describe('GET /api/v1/river/gauges/:id/series', () => {
  it('returns the day hydrograph, the thresholds and a forecast from the newest reading', async () => {
    const s = await setUp();
    await ingest(s, '/ingest/river', risingTo(GAUGE, 3.65));
    const { body } = await get<GaugeSeries>(s, `/river/gauges/${GAUGE}/series?date=2026-01-15`);
    expect(body.levels).toHaveLength(7);
    expect(body.thresholds).toEqual({
      normalLevelM: 3.15,
      blueLevelM: 3.65,
      warningLevelM: 3.95,
      guaranteedLevelM: 4.45,
      historicMaxLevelM: 4.9,
    });
    // 0.3 m/h from 3.65 m reaches 3.95 m in 1 h.
    expect(body.timeToWarningMs).toBe(60 * MIN);
    expect(body.forecast[0]).toEqual({ at: TEST_START_AT, levelM: 3.65 });
    expect(body.forecast[4]!.levelM).toBeCloseTo(3.95, 3);
  });

  it('answers 404 for an unknown gauge and 400 for a date that does not exist', async () => {
    const s = await setUp();
    expect((await get(s, '/river/gauges/g-nowhere/series')).statusCode).toBe(404);
    expect((await get(s, `/river/gauges/${GAUGE}/series?date=2026-02-30`)).statusCode).toBe(400);
  });
});

describe('river alerts and cases', () => {
  it('raises one red flood alert for a reach with two gauges over their thresholds, opening one case', async () => {
    const s = await setUp();
    await ingest(s, '/ingest/river', [
      { gaugeId: GAUGE, observedAt: TEST_START_AT - MIN, levelM: 4.95 },
      { gaugeId: SECOND_GAUGE, observedAt: TEST_START_AT - MIN, levelM: 5.5 },
    ]);
    s.app.pipeline.tickNow(TEST_START_AT);
    await s.app.cases.idle();
    const flood = s.app.alerts.active().filter((a) => a.kind === 'river-flood');
    expect(flood).toEqual([
      expect.objectContaining({ target: 'reach', entityId: 'grand-canal-gouzhuang', severity: 'red' }),
    ]);
    expect(s.app.cases.list().filter((c) => c.kind === 'river-flood')).toHaveLength(1);
  });

  it('turns a pollution event into a case dispatched to river enforcement, and shows the reported result', async () => {
    const s = await setUp();
    await ingest(s, '/ingest/river-events', [
      {
        id: 'ev-1',
        kind: 'littering',
        observedAt: TEST_START_AT - MIN,
        cameraId: 'cam-grand-01',
        evidenceRef: 'evidence://c/1',
      },
    ]);
    s.app.pipeline.tickNow(TEST_START_AT);
    // Opening, filing and dispatching are three queued changes.
    for (let i = 0; i < 4; i++) await s.app.cases.idle();
    const [pollution] = s.app.cases.list().filter((c) => c.kind === 'river-pollution');
    expect(pollution).toMatchObject({ status: 'dispatched', unitId: 're-grand-canal' });
    const start = await s.app.cases.act(
      pollution!.id,
      { type: 'start', revision: pollution!.revision },
      { id: 'u', name: 'unit' },
      TEST_START_AT,
    );
    if ('error' in start) throw new Error(start.error.message);
    await s.app.cases.act(
      pollution!.id,
      { type: 'report', revision: start.case.revision, result: 'educated' },
      { id: 'u', name: 'unit' },
      TEST_START_AT,
    );
    const { body } = await get<RiverEventList>(s, `/river/events?since=${TEST_START_AT - 10 * MIN}`);
    expect(body.events).toEqual([
      expect.objectContaining({
        id: 'ev-1',
        caseId: pollution!.id,
        caseStatus: 'reported',
        result: 'educated',
      }),
    ]);
  });

  it('raises a fast-rise input and a forecast crossing within the horizon', async () => {
    const s = await setUp();
    await ingest(s, '/ingest/river', risingTo(GAUGE, 3.65));
    s.app.pipeline.tickNow(TEST_START_AT);
    const gauge = s.app.river.latest().gauges.find((g) => g.gaugeId === GAUGE)!;
    expect(gauge.rise1hMPerH).toBeCloseTo(0.3, 9);
    expect(gauge.timeToWarningMs).toBe(60 * MIN);
  });
});
