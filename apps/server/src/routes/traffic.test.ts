import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { LANE_FLOW_PROXY_VPH } from '@cbo/indices';
import { buildTestApp, TEST_START_AT } from '../testing/test-app';
import { createTestIngestKey, signInAs } from '../testing/sign-in';

const NOW = TEST_START_AT;
let app: FastifyInstance | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function ingest(target: FastifyInstance, items: unknown[]): Promise<void> {
  const key = await createTestIngestKey(target);
  const response = await target.inject({
    method: 'POST',
    url: '/api/v1/ingest/traffic',
    payload: items,
    headers: { 'x-api-key': key },
  });
  expect(response.json().accepted).toBe(items.length);
}

async function get(target: FastifyInstance, url: string) {
  const { cookie } = await signInAs(target, 'analyst');
  return target.inject({ url, headers: { cookie } });
}

describe('GET /api/v1/traffic/now', () => {
  it('has no network TTI before any reading', async () => {
    ({ app } = await buildTestApp());
    const response = await get(app, '/api/v1/traffic/now');
    expect(response.statusCode).toBe(200);
    expect(response.json().network).toMatchObject({ areaId: 'network', tti: null, coverage: 0 });
  });

  it('reflects ingested speeds: travel-time-weighted TTI of two real segments', async () => {
    let clock;
    ({ app, clock } = await buildTestApp());
    const { city } = app;
    const [a, b] = city.segments;
    // a at half its free-flow speed (TTI 2), b at free flow (TTI 1).
    await ingest(app, [
      { segmentId: a!.id, observedAt: NOW - 1000, speedKmh: a!.freeFlowKmh / 2 },
      { segmentId: b!.id, observedAt: NOW - 1000, speedKmh: b!.freeFlowKmh },
    ]);
    clock.set(NOW);
    app.pipeline.tickNow(NOW);
    // TTI = sum(L*q/v) / sum(L*q/vf), q = lanes * proxy (no flow given).
    const weight = (i: number) =>
      (city.lengthM[i]! * city.lanes[i]! * LANE_FLOW_PROXY_VPH) / city.freeFlowKmh[i]!;
    const expected = (weight(0) * 2 + weight(1) * 1) / (weight(0) + weight(1));
    const body = (await get(app, '/api/v1/traffic/now')).json();
    expect(body.tick).toBe(1);
    expect(body.computedAt).toBe(NOW);
    expect(body.network.tti).toBeCloseTo(expected, 4);
    expect(body.network.segmentCount).toBe(city.segmentCount);
  });

  it('drops readings older than FRESH_FOR_MS from the indices', async () => {
    ({ app } = await buildTestApp({ FRESH_FOR_MS: 60_000 }));
    const a = app.city.segments[0]!;
    await ingest(app, [{ segmentId: a.id, observedAt: NOW - 1000, speedKmh: a.freeFlowKmh / 2 }]);
    app.pipeline.tickNow(NOW + 120_000);
    expect((await get(app, '/api/v1/traffic/now')).json().network.tti).toBeNull();
  });
});

describe('GET /api/v1/traffic/series', () => {
  it('holds one point per minute since local midnight, the last tick of a minute winning', async () => {
    ({ app } = await buildTestApp());
    const a = app.city.segments[0]!;
    await ingest(app, [{ segmentId: a.id, observedAt: NOW - 1000, speedKmh: a.freeFlowKmh / 2 }]);
    app.pipeline.tickNow(NOW);
    app.pipeline.tickNow(NOW + 30_000);
    app.pipeline.tickNow(NOW + 61_000);
    const body = (await get(app, '/api/v1/traffic/series')).json();
    // 10:00 in Hangzhou (UTC+8): local midnight is 16:00 UTC the day before.
    expect(body.from).toBe(Date.UTC(2026, 0, 14, 16, 0, 0));
    expect(body.points.map((point: { at: number }) => point.at)).toEqual([NOW, NOW + 60_000]);
    expect(body.points[0].tti).toBeCloseTo(2, 4);
  });
});

describe('traffic routes without credentials', () => {
  it('answer 401', async () => {
    ({ app } = await buildTestApp());
    expect((await app.inject('/api/v1/traffic/now')).statusCode).toBe(401);
    expect((await app.inject('/api/v1/traffic/series')).statusCode).toBe(401);
  });
});
