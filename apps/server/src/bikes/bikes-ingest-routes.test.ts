import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveConfigPath } from '../config';
import { createTestIngestKey, signInAs } from '../testing/sign-in';
import { buildTestApp } from '../testing/test-app';

const CONFORMANCE = resolveConfigPath('../shared/conformance/gbfs');
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function get<T>(target: FastifyInstance, url: string): Promise<{ status: number; body: T }> {
  const { cookie } = await signInAs(target, 'officer');
  const response = await target.inject({ method: 'GET', url, headers: { cookie } });
  return { status: response.statusCode, body: response.json<T>() };
}

describe('POST /ingest/gbfs/:feedId/:file', () => {
  const fixture = (file: string): unknown =>
    JSON.parse(readFileSync(`${CONFORMANCE}/fixtures/v3.0/${file}.json`, 'utf8'));

  it('refuses a request without an ingest key', async () => {
    ({ app } = await buildTestApp());
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/ingest/gbfs/paris/station_information',
      payload: fixture('station_information') as object,
    });
    expect(response.statusCode).toBe(401);
  });

  it('applies an official 3.0 document and rejects a malformed one with its JSON path, keeping the stations', async () => {
    ({ app } = await buildTestApp());
    const key = await createTestIngestKey(app, ['bikes'], 'paris-push');
    const post = (payload: unknown) =>
      app!.inject({
        method: 'POST',
        url: '/api/v1/ingest/gbfs/paris/station_information.json',
        headers: { 'x-api-key': key },
        payload: payload as object,
      });
    const good = await post(fixture('station_information'));
    const bad = fixture('station_information') as {
      last_updated: string;
      data: { stations: { lat: unknown }[] };
    };
    bad.last_updated = '2099-01-01T00:00:00Z';
    bad.data.stations[2]!.lat = 'north';
    const rejected = await post(bad);
    expect(good.statusCode).toBe(200);
    expect(rejected.statusCode).toBe(422);
    expect(rejected.json()).toMatchObject({ accepted: false, errors: [{ path: '/data/stations/2/lat' }] });
    const { body } = await get<{ stations: unknown[] }>(app, '/api/v1/bikes/stations');
    expect(body.stations).toHaveLength(good.json<{ records: number }>().records);
  });
});
