import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestIngestKey } from '../testing/sign-in';
import { buildTestApp, TEST_START_AT } from '../testing/test-app';

const GAUGE = 'g-grand-gouzhuang';
const MIN = 60_000;

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function setUp(): Promise<{ app: FastifyInstance; key: string }> {
  ({ app } = await buildTestApp());
  return { app, key: await createTestIngestKey(app, ['rivers']) };
}

function post(
  target: FastifyInstance,
  url: string,
  key: string | null,
  payload: unknown,
  type = 'application/json',
) {
  return target.inject({
    method: 'POST',
    url: `/api/v1${url}`,
    headers: { 'content-type': type, ...(key ? { 'x-api-key': key } : {}) },
    payload: JSON.stringify(payload),
  });
}

describe('POST /api/v1/ingest/river', () => {
  it('stores own and FIWARE items of one batch, answers duplicates and names each rejected item', async () => {
    const { app: target, key } = await setUp();
    const reading = { gaugeId: GAUGE, observedAt: TEST_START_AT - MIN, levelM: 3.5, flowM3s: 42 };
    const response = await post(target, '/ingest/river', key, [
      reading,
      reading,
      {
        type: 'FloodMonitoring',
        id: `urn:ngsi-ld:FloodMonitoring:${GAUGE}`,
        currentLevel: 3.4,
        observationDateTime: '2026-01-15T09:54:00+08:00',
      },
      { gaugeId: 'g-nowhere', observedAt: TEST_START_AT, levelM: 3 },
      42,
    ]);
    expect(response.json()).toEqual({
      received: 5,
      accepted: 2,
      duplicates: 1,
      rejected: [
        { index: 3, reason: "gaugeId: 'g-nowhere' is not a gauge of this city" },
        { index: 4, reason: 'item: must be a JSON object' },
      ],
    });
    const gaugeIndex = target.river.network.gaugeIndexById.get(GAUGE)!;
    expect(target.river.state.levels(gaugeIndex)).toEqual([
      { at: TEST_START_AT - 6 * MIN, levelM: 3.4, flowM3s: null, source: 'test-source' },
      { at: TEST_START_AT - MIN, levelM: 3.5, flowM3s: 42, source: 'test-source' },
    ]);
  });

  it('takes an NGSI-LD body as application/ld+json and an NGSI-v2 notification', async () => {
    const { app: target, key } = await setUp();
    const entity = {
      type: 'WaterObserved',
      id: `urn:ngsi-ld:WaterObserved:${GAUGE}`,
      waterLevel: 3.3,
      dateObserved: '2026-01-15T01:50:00Z',
    };
    expect((await post(target, '/ingest/river', key, entity, 'application/ld+json')).json()).toMatchObject({
      accepted: 1,
    });
    const notification = { subscriptionId: 's', data: [{ ...entity, dateObserved: '2026-01-15T01:51:00Z' }] };
    expect((await post(target, '/ingest/river', key, notification)).json()).toMatchObject({
      received: 1,
      accepted: 1,
    });
  });

  it('answers 401 without a key, 403 with a key of another feed, 400 for a body that is not JSON objects', async () => {
    const { app: target } = await setUp();
    const trafficKey = await createTestIngestKey(target, ['traffic'], 'traffic-only');
    const riversKey = await createTestIngestKey(target, ['rivers'], 'rivers-only');
    expect((await post(target, '/ingest/river', null, [])).statusCode).toBe(401);
    expect((await post(target, '/ingest/river', trafficKey, [])).statusCode).toBe(403);
    expect((await post(target, '/ingest/river', riversKey, 'text')).statusCode).toBe(400);
  });
});

describe('POST /api/v1/ingest/river-events', () => {
  it('stores a detection, rejects one carrying a face and counts a resent one as a duplicate', async () => {
    const { app: target, key } = await setUp();
    const event = {
      kind: 'littering',
      observedAt: TEST_START_AT - MIN,
      cameraId: 'cam-grand-01',
      evidenceRef: 'evidence://c/1',
    };
    const first = await post(target, '/ingest/river-events', key, [
      event,
      { ...event, id: 'e2', faceImage: 'x.jpg' },
    ]);
    expect(first.json()).toEqual({
      received: 2,
      accepted: 1,
      duplicates: 0,
      rejected: [
        {
          index: 1,
          reason: 'faceImage: looks like a face or personal identifier; events must never carry one',
        },
      ],
    });
    expect((await post(target, '/ingest/river-events', key, [event])).json()).toMatchObject({
      accepted: 0,
      duplicates: 1,
    });
    expect(target.river.events.between(0, TEST_START_AT).map((e) => e.kind)).toEqual(['littering']);
  });
});
