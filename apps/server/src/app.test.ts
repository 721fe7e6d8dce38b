import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { createManualClock } from './pipeline/clock';
import { buildTestApp, TEST_START_AT } from './testing/test-app';
import { signInAs } from './testing/sign-in';

let app: FastifyInstance | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function wallHeaders(target: FastifyInstance): Promise<{ cookie: string }> {
  return { cookie: (await signInAs(target, 'wall')).cookie };
}

describe('buildApp', () => {
  it('fails with an error naming the missing city fixture file', async () => {
    const clock = createManualClock(TEST_START_AT);
    await expect(
      buildApp({ SIM: 'off', LOG_LEVEL: 'silent', CITY_DIR: '/nonexistent/city' }, { clock }),
    ).rejects.toThrow('Cannot load city fixture file /nonexistent/city/city.json: file not found');
  });

  it('fails with an error naming a bad setting', async () => {
    await expect(buildApp({ SIM: 'off', LOG_LEVEL: 'silent', TICK_MS: 5 })).rejects.toThrow(
      /TICK_MS must be >= 50/,
    );
  });

  it('feeds the simulator through ingest on each tick, with every segment reporting at the first tick', async () => {
    ({ app } = await buildTestApp({ SIM: 'on' }));
    const result = app.pipeline.tickNow(TEST_START_AT);
    expect(result.now.network.coverage).toBe(1);
    expect(result.changedCount).toBe(app.city.segmentCount);
    const health = (await app.inject({ url: '/api/v1/health', headers: await wallHeaders(app) })).json();
    expect(health).toMatchObject({ status: 'ok', feeds: [{ feed: 'sim', stale: false }] });
  });
});

describe('GET /api/v1/city', () => {
  it('serves the city document', async () => {
    ({ app } = await buildTestApp());
    const response = await app.inject({ url: '/api/v1/city', headers: await wallHeaders(app) });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.segmentsHash).toBe(app.city.document.segmentsHash);
    expect(document.segments).toHaveLength(app.city.segmentCount);
  });
});
