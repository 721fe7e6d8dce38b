import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, TEST_START_AT } from '../testing/test-app';
import { createTestIngestKey, signInAs } from '../testing/sign-in';

const NOW = TEST_START_AT;
let app: FastifyInstance | undefined;
let apiKey = '';

afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function setUp(overrides = {}): Promise<FastifyInstance> {
  ({ app } = await buildTestApp(overrides));
  apiKey = await createTestIngestKey(app, ['traffic']);
  return app;
}

function reading(segmentId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { segmentId, observedAt: NOW - 1000, speedKmh: 40, ...extra };
}

async function postJson(target: FastifyInstance, body: unknown) {
  return target.inject({
    method: 'POST',
    url: '/api/v1/ingest/traffic',
    payload: JSON.stringify(body),
    headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
  });
}

describe('POST /api/v1/ingest/traffic', () => {
  it('accepts valid readings and stores the speed', async () => {
    const target = await setUp();
    const segment = target.city.segments[0]!;
    const response = await postJson(target, [reading(segment.id, { speedKmh: 33.5 })]);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ received: 1, accepted: 1, duplicates: 0, rejected: [] });
    expect(target.pipeline.state.speedKmh[0]).toBeCloseTo(33.5, 4);
    expect(target.pipeline.state.observedAt[0]).toBe(NOW - 1000);
  });

  it('rejects an unknown segment by its index, naming it', async () => {
    const target = await setUp();
    const response = await postJson(target, [reading('no-such-segment')]);
    expect(response.json().rejected).toEqual([
      { index: 0, reason: "segmentId: unknown segment 'no-such-segment'" },
    ]);
  });

  it('rejects a negative speed naming the field and bound', async () => {
    const target = await setUp();
    const response = await postJson(target, [reading(target.city.segments[0]!.id, { speedKmh: -5 })]);
    expect(response.json().rejected).toEqual([{ index: 0, reason: 'speedKmh: must be >= 0' }]);
  });

  it('rejects an absurd speed naming the field and bound', async () => {
    const target = await setUp();
    const response = await postJson(target, [reading(target.city.segments[0]!.id, { speedKmh: 950 })]);
    expect(response.json().rejected).toEqual([{ index: 0, reason: 'speedKmh: must be <= 200' }]);
  });

  it('rejects a reading without a timestamp', async () => {
    const target = await setUp();
    const response = await postJson(target, [{ segmentId: target.city.segments[0]!.id, speedKmh: 40 }]);
    expect(response.json().rejected).toEqual([{ index: 0, reason: 'observedAt missing' }]);
  });

  it('rejects a timestamp beyond the allowed clock skew, showing it', async () => {
    const target = await setUp();
    const future = '2030-01-01T00:00:00Z';
    const response = await postJson(target, [reading(target.city.segments[0]!.id, { observedAt: future })]);
    const [rejected] = response.json().rejected;
    expect(rejected.index).toBe(0);
    expect(rejected.reason).toMatch(/^observedAt: 2030-01-01T00:00:00.000Z is in the future/);
    expect(target.pipeline.state.observedAt[0]).toBe(0);
  });

  it('accepts a timestamp within the allowed clock skew', async () => {
    const target = await setUp();
    const response = await postJson(target, [
      reading(target.city.segments[0]!.id, { observedAt: NOW + 30_000 }),
    ]);
    expect(response.json().accepted).toBe(1);
  });

  it('counts a reading already held as a duplicate', async () => {
    const target = await setUp();
    const item = reading(target.city.segments[0]!.id);
    await postJson(target, [item]);
    const response = await postJson(target, [item]);
    expect(response.json()).toEqual({ received: 1, accepted: 0, duplicates: 1, rejected: [] });
  });

  it('counts a reading repeated within one batch as a duplicate; the first wins', async () => {
    const target = await setUp();
    const id = target.city.segments[0]!.id;
    const response = await postJson(target, [reading(id, { speedKmh: 20 }), reading(id, { speedKmh: 70 })]);
    expect(response.json()).toMatchObject({ accepted: 1, duplicates: 1 });
    expect(target.pipeline.state.speedKmh[0]).toBe(20);
  });

  it('accepts an out-of-order reading without changing the current state', async () => {
    const target = await setUp();
    const id = target.city.segments[0]!.id;
    await postJson(target, [reading(id, { speedKmh: 20 })]);
    const response = await postJson(target, [reading(id, { speedKmh: 70, observedAt: NOW - 60_000 })]);
    expect(response.json()).toEqual({ received: 1, accepted: 1, duplicates: 0, rejected: [] });
    expect(target.pipeline.state.speedKmh[0]).toBe(20);
    expect(target.pipeline.state.observedAt[0]).toBe(NOW - 1000);
  });

  it('keeps the good items of a mixed batch', async () => {
    const target = await setUp();
    const [a, b] = target.city.segments;
    const response = await postJson(target, [
      reading(a!.id),
      reading(a!.id, { observedAt: -1 }),
      reading(b!.id, { speedKmh: 12 }),
    ]);
    expect(response.json()).toMatchObject({ received: 3, accepted: 2, duplicates: 0 });
    expect(response.json().rejected).toEqual([{ index: 1, reason: expect.stringMatching(/^observedAt: /) }]);
    expect(target.pipeline.state.speedKmh[1]).toBe(12);
  });

  it('rejects an unknown field naming it', async () => {
    const target = await setUp();
    const response = await postJson(target, [reading(target.city.segments[0]!.id, { plate: 'ZJ-A12345' })]);
    expect(response.json().rejected).toEqual([{ index: 0, reason: 'plate: unknown field' }]);
  });

  it('answers 415 with a stable code for another content type', async () => {
    const target = await setUp();
    const response = await target.inject({
      method: 'POST',
      url: '/api/v1/ingest/traffic',
      payload: 'x',
      headers: { 'x-api-key': apiKey, 'content-type': 'text/plain' },
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({
      code: 'CBO_ERR_UNSUPPORTED_MEDIA_TYPE',
      message: expect.stringContaining("'text/plain'"),
    });
  });

  it('answers 400 for malformed JSON with the parse error', async () => {
    const target = await setUp();
    const response = await target.inject({
      method: 'POST',
      url: '/api/v1/ingest/traffic',
      payload: '[{"segmentId":',
      headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'CBO_ERR_MALFORMED_JSON',
      message: expect.stringMatching(/^Body is not valid JSON: /),
    });
  });

  it('answers 400 for a body that is not an array', async () => {
    const target = await setUp();
    const response = await postJson(target, reading('x'));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'CBO_ERR_BODY_NOT_ARRAY',
      message: 'Body must be a JSON array of observations, got an object',
    });
  });

  it('answers 413 for a body over the limit, naming the limit', async () => {
    const target = await setUp({ INGEST_BODY_LIMIT_BYTES: 2048 });
    const batch = Array.from({ length: 100 }, () => reading(target.city.segments[0]!.id));
    const response = await postJson(target, batch);
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({
      code: 'CBO_ERR_BODY_TOO_LARGE',
      message: expect.stringContaining('2048 bytes'),
    });
  });

  it('takes NDJSON and rejects a malformed line by its index, keeping the others', async () => {
    const target = await setUp();
    const [a, b] = target.city.segments;
    const body = `${JSON.stringify(reading(a!.id))}\n{"segmentId": oops}\n${JSON.stringify(reading(b!.id))}\n`;
    const response = await target.inject({
      method: 'POST',
      url: '/api/v1/ingest/traffic',
      payload: body,
      headers: { 'x-api-key': apiKey, 'content-type': 'application/x-ndjson' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ received: 3, accepted: 2, duplicates: 0 });
    expect(response.json().rejected).toEqual([
      { index: 1, reason: expect.stringMatching(/^line 2: not valid JSON/) },
    ]);
  });
});

describe('POST /api/v1/ingest/traffic without a valid key', () => {
  async function postWith(target: FastifyInstance, headers: Record<string, string>) {
    const segment = target.city.segments[0]!;
    return target.inject({
      method: 'POST',
      url: '/api/v1/ingest/traffic',
      payload: JSON.stringify([reading(segment.id)]),
      headers: { 'content-type': 'application/json', ...headers },
    });
  }

  it('answers 401 and stores nothing without a key', async () => {
    const target = await setUp();
    const response = await postWith(target, {});
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'CBO_ERR_INGEST_KEY_INVALID' });
    expect(target.pipeline.state.observedAt[0]).toBe(0);
  });

  it('answers 401 and stores nothing with a revoked key', async () => {
    const target = await setUp();
    const record = await target.auth.ingestKeys.findByKey(apiKey);
    await target.auth.ingestKeys.revoke(record!.id, Date.now());
    target.auth.invalidate();
    expect((await postWith(target, { 'x-api-key': apiKey })).statusCode).toBe(401);
    expect(target.pipeline.state.observedAt[0]).toBe(0);
  });

  it('answers 401 to a signed-in user: sessions do not write feeds', async () => {
    const target = await setUp();
    const { cookie } = await signInAs(target, 'admin');
    expect((await postWith(target, { cookie })).statusCode).toBe(401);
  });

  it('answers 403 naming the feed for a key of other feeds', async () => {
    const target = await setUp();
    const riversKey = await createTestIngestKey(target, ['rivers'], 'gauges');
    const response = await postWith(target, { 'x-api-key': riversKey });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'CBO_ERR_INGEST_FEED_FORBIDDEN' });
    expect(target.pipeline.state.observedAt[0]).toBe(0);
  });

  it('records the source named by the key, and takes the key as a bearer token too', async () => {
    const target = await setUp();
    const key = await createTestIngestKey(target, ['traffic'], 'amap-probe');
    const response = await postWith(target, { authorization: `Bearer ${key}` });
    expect(response.statusCode).toBe(200);
    expect(target.feedHealth.report(NOW).map((feed) => feed.feed)).toEqual(['amap-probe']);
  });
});
