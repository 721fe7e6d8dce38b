import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeFrame } from '@cbo/wire';
import { learnDay } from '@cbo/indices';
import { buildTestApp, TEST_START_AT, type TestApp } from '../testing/test-app';
import { signInAs } from '../testing/sign-in';

const opened: TestApp[] = [];
const dirs: string[] = [];

async function testApp(overrides: Parameters<typeof buildTestApp>[0] = {}): Promise<TestApp> {
  const built = await buildTestApp(overrides);
  opened.push(built);
  return built;
}

afterEach(async () => {
  for (const { app } of opened.splice(0)) await app.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** Feeds every segment `speedKmh` and ticks at `at`. */
function tickAll({ app, clock }: TestApp, at: number, speedKmh: number): void {
  clock.set(at);
  app.ingest.ingestObservations(
    app.city.segments.map((s) => ({ segmentId: s.id, observedAt: at, speedKmh, source: 'test' })),
    'test',
  );
  app.pipeline.tickNow(at);
}

describe('history routes', () => {
  it('lists the recorded local day of the ticks', async () => {
    const t = await testApp();
    tickAll(t, TEST_START_AT, 30);
    await t.app.history.recorder!.flush();
    const { cookie } = await signInAs(t.app, 'analyst');
    const response = await t.app.inject({ url: '/api/v1/history/days', headers: { cookie } });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ days: { date: string; frames: number; observations: number }[] }>();
    expect(body.days).toEqual([
      expect.objectContaining({ date: '2026-01-15', frames: 2, observations: t.app.city.segmentCount }),
    ]);
  });

  it('refuses the wall role', async () => {
    const t = await testApp();
    const { cookie } = await signInAs(t.app, 'wall');
    const response = await t.app.inject({ url: '/api/v1/history/days', headers: { cookie } });
    expect(response.statusCode).toBe(403);
  });

  it('answers the recorded map at an instant as a snapshot frame', async () => {
    const t = await testApp();
    tickAll(t, TEST_START_AT, 30);
    tickAll(t, TEST_START_AT + 1000, 20);
    await t.app.history.recorder!.flush();
    const { cookie } = await signInAs(t.app, 'analyst');
    const response = await t.app.inject({
      url: `/api/v1/history/frame?at=${TEST_START_AT + 500}`,
      headers: { cookie },
    });
    const frame = decodeFrame(response.rawPayload);
    expect(frame.kind).toBe(0);
    expect(frame.speeds[0]).toBe(300);
  });

  it('exports a day to Parquet and imports it back into another store', async () => {
    const source = await testApp();
    tickAll(source, TEST_START_AT, 30);
    await source.app.history.recorder!.flush();
    const analyst = await signInAs(source.app, 'analyst');
    const exported = await source.app.inject({
      url: '/api/v1/history/days/2026-01-15/export.parquet',
      headers: { cookie: analyst.cookie },
    });
    expect(exported.statusCode).toBe(200);
    const target = await testApp();
    const admin = await signInAs(target.app, 'admin');
    const imported = await target.app.inject({
      method: 'POST',
      url: '/api/v1/history/import',
      headers: { cookie: admin.cookie, 'content-type': 'application/vnd.apache.parquet' },
      payload: exported.rawPayload,
    });
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toMatchObject({ frames: 2, observations: source.app.city.segmentCount });
  });

  it('starts with a corrupt history archive in the fixtures and names it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cbo-fixtures-'));
    dirs.push(dir);
    await writeFile(join(dir, 'broken.parquet'), 'PAR1 this is not really parquet');
    const t = await testApp({ HISTORY_FIXTURES_DIR: dir });
    const { cookie } = await signInAs(t.app, 'analyst');
    const body = (await t.app.inject({ url: '/api/v1/history/days', headers: { cookie } })).json<{
      problems: { file: string; reason: string }[];
    }>();
    expect(body.problems).toEqual([{ file: 'broken.parquet', reason: expect.any(String) as string }]);
  });

  it('backtests an edited rule over a recorded day', async () => {
    const t = await testApp();
    tickAll(t, TEST_START_AT, 5);
    tickAll(t, TEST_START_AT + 60_000, 5);
    await t.app.history.recorder!.flush();
    const { cookie } = await signInAs(t.app, 'analyst');
    const rule = {
      id: 'network-slow',
      version: 1,
      name: { zh: '慢', en: 'Slow' },
      domain: 'traffic',
      target: 'network',
      kind: 'slow',
      when: { metric: 'speedKmh', op: '<', value: 10 },
      forMs: 0,
      clearWhen: { metric: 'speedKmh', op: '>=', value: 10 },
      clearForMs: 0,
      severity: 'yellow',
      dedupeKey: '{kind}:{entity}',
      groupAdjacent: false,
      enabled: true,
    };
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/history/backtest',
      headers: { cookie },
      payload: { date: '2026-01-15', rule },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<{ wouldHaveFired: unknown[] }>().wouldHaveFired[0]).toEqual({
      at: TEST_START_AT,
      kind: 'raised',
      targetId: 'network',
      severity: 'yellow',
    });
  });

  it('answers the typical day of the date from the learnt profile', async () => {
    const t = await testApp();
    const forecaster = t.app.trafficInsights.ttiForecaster;
    learnDay(forecaster, {
      dayStart: TEST_START_AT - 10 * 3_600_000 - 7 * 86_400_000,
      weekend: false,
      areaIds: ['network'],
      tti: [new Float32Array(1440).fill(1.25)],
    });
    const { cookie } = await signInAs(t.app, 'analyst');
    const response = await t.app.inject({
      url: '/api/v1/history/days/2026-01-15/typical',
      headers: { cookie },
    });
    const body = response.json<{ timeline: { tti: { tti: number }[] }; summary: { maxTti: number } }>();
    expect([response.statusCode, body.timeline.tti.length, body.summary.maxTti]).toEqual([200, 1440, 1.25]);
  });

  it('rejects a date that does not exist', async () => {
    const t = await testApp();
    const { cookie } = await signInAs(t.app, 'analyst');
    const response = await t.app.inject({
      url: '/api/v1/history/days/2026-02-30/summary',
      headers: { cookie },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'CBO_ERR_HISTORY_DATE' });
  });
});
