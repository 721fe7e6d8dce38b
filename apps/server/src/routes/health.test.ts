import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, TEST_START_AT } from '../testing/test-app';
import { createTestIngestKey, signInAs } from '../testing/sign-in';

const NOW = TEST_START_AT;
let app: FastifyInstance | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function getHealth(target: FastifyInstance) {
  const { cookie } = await signInAs(target, 'wall');
  return target.inject({ url: '/api/v1/health', headers: { cookie } });
}

async function ingest(target: FastifyInstance, items: unknown[]): Promise<void> {
  const key = await createTestIngestKey(target, ['traffic'], 'http');
  await target.inject({
    method: 'POST',
    url: '/api/v1/ingest/traffic',
    payload: items,
    headers: { 'x-api-key': key },
  });
}

describe('GET /api/v1/health', () => {
  it('is degraded with no feed at all', async () => {
    ({ app } = await buildTestApp());
    expect((await getHealth(app)).json()).toMatchObject({
      status: 'degraded',
      now: NOW,
      feeds: [],
    });
  });

  it('shows the http feed rate and last times after an ingest', async () => {
    ({ app } = await buildTestApp());
    const items = app.city.segments
      .slice(0, 3)
      .map((s) => ({ segmentId: s.id, observedAt: NOW - 2000, speedKmh: 30 }));
    await ingest(app, items);
    const body = (await getHealth(app)).json();
    expect(body.status).toBe('ok');
    expect(body.feeds).toEqual([
      { feed: 'http', lastObservedAt: NOW - 2000, lastReceivedAt: NOW, ratePerSec: 3 / 60, stale: false },
    ]);
  });

  it('marks the feed stale after 30 s without data', async () => {
    let clock;
    ({ app, clock } = await buildTestApp());
    const items = [{ segmentId: app.city.segments[0]!.id, observedAt: NOW - 2000, speedKmh: 30 }];
    await ingest(app, items);
    clock.set(NOW + 31_000);
    const body = (await getHealth(app)).json();
    expect(body).toMatchObject({ status: 'degraded', feeds: [{ feed: 'http', stale: true }] });
  });

  it('lists the simulator feed as expected when SIM is on', async () => {
    ({ app } = await buildTestApp({ SIM: 'on' }));
    expect((await getHealth(app)).json().feeds).toMatchObject([{ feed: 'sim', stale: true }]);
  });
});

describe('health without credentials', () => {
  it('answers 401 on /health, which names the feeds', async () => {
    ({ app } = await buildTestApp());
    const response = await app.inject('/api/v1/health');
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'CBO_ERR_UNAUTHENTICATED' });
  });

  it('answers a bare liveness on /health/live', async () => {
    ({ app } = await buildTestApp());
    const response = await app.inject('/api/v1/health/live');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });
});
