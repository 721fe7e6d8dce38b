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

describe('GET /api/v1/traffic/now: the seven metrics', () => {
  const feed = (
    target: FastifyInstance,
    items: { index: number; speedKmh: number; flowVph?: number }[],
    at: number,
  ) =>
    target.ingest.ingestObservations(
      items.map(({ index, speedKmh, flowVph }) => ({
        segmentId: target.city.segments[index]!.id,
        observedAt: at,
        speedKmh,
        ...(flowVph === undefined ? {} : { flowVph }),
        source: 'test',
      })),
      'test',
    );

  it('gives zero counts, null indices and links with no data at all', async () => {
    ({ app } = await buildTestApp());
    const body = (await get(app, '/api/v1/traffic/now')).json();
    expect(body.network).toMatchObject({
      tti: null,
      meanSpeedKmh: null,
      coverage: 0,
      vehiclesInTransit: 0,
      congestionPoints: 0,
      activeIncidents: 0,
    });
    expect(body.districts).toHaveLength(app.city.districtIds.length);
    expect(body.districts.every((d: { vehiclesInTransit?: number }) => d.vehiclesInTransit === 0)).toBe(true);
    expect(body.links).toEqual({
      streets: '/api/v1/traffic/streets',
      incidents: '/api/v1/traffic/incidents',
    });
  });

  it('computes one observed segment like the segment itself, in the network and its district', async () => {
    ({ app } = await buildTestApp());
    const { city } = app;
    const a = city.segments[0]!;
    // Half free flow with 900 veh/h: density 900 / (vf / 2) veh/km (under the jam cap), TTI 2.
    feed(app, [{ index: 0, speedKmh: a.freeFlowKmh / 2, flowVph: 900 }], NOW - 1000);
    app.pipeline.tickNow(NOW);
    const body = (await get(app, '/api/v1/traffic/now')).json();
    const vehicles = ((900 / (a.freeFlowKmh / 2)) * a.lengthM) / 1000;
    const totalLengthM = city.lengthM.reduce((sum, length) => sum + length, 0);
    expect(body.network.tti).toBeCloseTo(2, 6);
    expect(body.network.meanSpeedKmh).toBeCloseTo(a.freeFlowKmh / 2, 6);
    expect(body.network.vehiclesInTransit).toBeCloseTo(vehicles, 6);
    expect(body.network.coverage).toBeCloseTo(a.lengthM / totalLengthM, 9);
    const district = body.districts.find((d: { areaId: string }) => d.areaId === a.districtId);
    expect(district.vehiclesInTransit).toBeCloseTo(vehicles, 6);
    expect(district.tti).toBeCloseTo(2, 6);
  });

  it('reports TPI 10, level 5, full congested share and congestion points when everything stands still', async () => {
    ({ app } = await buildTestApp());
    const { city } = app;
    // Speed 0 is TTI 10 (the cap) and GB/T level 5 on every road class.
    feed(
      app,
      city.segments.map((segment) => ({ index: segment.index, speedKmh: 0 })),
      NOW - 1000,
    );
    app.pipeline.tickNow(NOW);
    const { network } = (await get(app, '/api/v1/traffic/now')).json();
    expect(network).toMatchObject({ tti: 10, tpi: 10, level: 5, congestedLengthShare: 1, coverage: 1 });
    expect(network.congestionPoints).toBeGreaterThan(0);
    // Standstill without flow: jam density, lanes * 150 veh/km, on every segment.
    const vehicles = city.segments.reduce((sum, s) => sum + (s.lanes * 150 * s.lengthM) / 1000, 0);
    expect(network.vehiclesInTransit).toBeCloseTo(vehicles, 3);
    const insights = (await get(app, '/api/v1/traffic/insights')).json();
    expect(network.congestionPoints).toBe(insights.network.congestionPoints);
  });

  it('leaves a stale segment out: coverage, vehicles and speed come from the fresh one only', async () => {
    ({ app } = await buildTestApp({ FRESH_FOR_MS: 60_000 }));
    const { city } = app;
    const [a, b] = city.segments;
    feed(app, [{ index: 0, speedKmh: a!.freeFlowKmh / 4, flowVph: 600 }], NOW - 90_000);
    feed(app, [{ index: 1, speedKmh: b!.freeFlowKmh, flowVph: 600 }], NOW - 1000);
    app.pipeline.tickNow(NOW);
    const { network } = (await get(app, '/api/v1/traffic/now')).json();
    const totalLengthM = city.lengthM.reduce((sum, length) => sum + length, 0);
    expect(network.coverage).toBeCloseTo(b!.lengthM / totalLengthM, 9);
    expect(network.vehiclesInTransit).toBeCloseTo(((600 / b!.freeFlowKmh) * b!.lengthM) / 1000, 6);
    expect(network.meanSpeedKmh).toBeCloseTo(b!.freeFlowKmh, 6);
    expect(network.newestInputAgeMs).toBe(1000);
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
