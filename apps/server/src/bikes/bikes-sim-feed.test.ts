import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import type { BikesNow } from '@cbo/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveConfigPath } from '../config';
import { signInAs } from '../testing/sign-in';
import { buildTestApp, TEST_START_AT } from '../testing/test-app';

const FLEET = 2000;
const CONFORMANCE = resolveConfigPath('../shared/conformance/gbfs');
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function simApp(): Promise<FastifyInstance> {
  ({ app } = await buildTestApp({
    SIM: 'on',
    BIKES_FLEET: FLEET,
    SIM_BACKFILL: 'off',
    TRAFFIC_BACKFILL_DAYS: 0,
  }));
  return app;
}

async function get<T>(target: FastifyInstance, url: string): Promise<{ status: number; body: T }> {
  const { cookie } = await signInAs(target, 'officer');
  const response = await target.inject({ method: 'GET', url, headers: { cookie } });
  return { status: response.statusCode, body: response.json<T>() };
}

describe('the simulated feed through the poller', () => {
  it('fills /bikes/now with the whole fleet, its operators and the docked stations', async () => {
    const target = await simApp();
    await target.bikes.pollNow(TEST_START_AT);
    const { body } = await get<BikesNow>(target, '/api/v1/bikes/now');
    expect(body.network.fleet).toBe(FLEET);
    expect(body.operators.map((o) => o.operatorId)).toEqual(['hz-public-bike', 'yunqi', 'chenglun', 'hupan']);
    expect(body.stations.total).toBe(395);
    expect(body.feeds.every((f) => !f.stale && f.version === '3.0')).toBe(true);
  });

  it('serves its GBFS 3.0 documents publicly, valid against the official schema', async () => {
    const target = await simApp();
    const response = await target.inject({ method: 'GET', url: '/gbfs/sim/yunqi/vehicle_status.json' });
    const ajv = new Ajv({ strict: false });
    addFormats(ajv);
    const validate = ajv.compile(
      JSON.parse(readFileSync(`${CONFORMANCE}/schemas/v3.0/vehicle_status.json`, 'utf8')) as object,
    );
    expect(response.statusCode).toBe(200);
    expect(validate(response.json())).toBe(true);
  });

  it('answers an operator series in 5-minute buckets', async () => {
    const target = await simApp();
    await target.bikes.pollNow(TEST_START_AT);
    await target.bikes.pollNow(TEST_START_AT + 5 * 60_000);
    const { body } = await get<{ points: { at: number }[]; distribution: unknown[] }>(
      target,
      '/api/v1/bikes/operators/yunqi/series',
    );
    expect(body.points.map((p) => p.at)).toEqual([TEST_START_AT, TEST_START_AT + 5 * 60_000]);
    expect(body.distribution).toHaveLength(8);
  });

  it('answers 404 for an unknown operator', async () => {
    const target = await simApp();
    expect((await get(target, '/api/v1/bikes/operators/nobody/series')).status).toBe(404);
  });
});
