import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { pathMidpoint } from '@cbo/indices';
import { REPO_ROOT } from '../config';
import { createTestIngestKey } from '../testing/sign-in';
import { buildTestApp, TEST_START_AT } from '../testing/test-app';

/** FIWARE examples of the shared conformance kit, beside the repository. */
const FIWARE_DIR = resolve(REPO_ROOT, '../shared/conformance/fiware/TrafficFlowObserved');
const readExample = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(resolve(FIWARE_DIR, name), 'utf8')) as Record<string, unknown>;
const EXAMPLES = ['example.json', 'example-normalized.json', 'example.jsonld', 'example-normalized.jsonld'];

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function setUp(): Promise<{ app: FastifyInstance; key: string }> {
  ({ app } = await buildTestApp());
  return { app, key: await createTestIngestKey(app, ['traffic']) };
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

describe('POST /api/v1/ingest/traffic-events', () => {
  it('maps an illegal-parking detection onto the nearest segment and its district', async () => {
    const { app: target, key } = await setUp();
    const segment = target.city.segments[10]!;
    const position = pathMidpoint(segment.path);
    const response = await post(target, '/ingest/traffic-events', key, [
      {
        kind: 'illegal-parking',
        position,
        observedAt: TEST_START_AT - 5000,
        evidenceRef: 'evidence://cam-1/1',
        cameraId: 'cam-1',
      },
    ]);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ received: 1, accepted: 1, duplicates: 0, rejected: [] });
    const [event] = target.trafficInsights.events.between(0, TEST_START_AT);
    const nearest = target.city.nearestSegment(position, 60)!;
    expect(event).toMatchObject({
      kind: 'illegal-parking',
      segmentId: target.city.segments[nearest.index]!.id,
      districtId: target.city.segments[nearest.index]!.districtId,
      source: 'test-source',
    });
  });

  it('rejects an item carrying a plate field, naming the field, and keeps the others', async () => {
    const { app: target, key } = await setUp();
    const position = pathMidpoint(target.city.segments[0]!.path);
    const good = { kind: 'illegal-parking', position, observedAt: TEST_START_AT, evidenceRef: 'e://1' };
    const response = await post(target, '/ingest/traffic-events', key, [
      { ...good, licensePlate: 'ABC123' },
      good,
      { ...good, evidenceRef: 'e://2', note: '浙A12345 parked' },
    ]);
    const body = response.json();
    expect(body.accepted).toBe(1);
    expect(body.rejected).toEqual([
      { index: 0, reason: expect.stringContaining('licensePlate: looks like a vehicle plate field') },
      { index: 2, reason: 'note: value looks like a vehicle plate' },
    ]);
  });

  it('rejects a position far from every road with the distance limit', async () => {
    const { app: target, key } = await setUp();
    const response = await post(target, '/ingest/traffic-events', key, [
      { kind: 'stopped-vehicle', position: [0, 0], observedAt: TEST_START_AT, evidenceRef: 'e://1' },
    ]);
    expect(response.json().rejected).toEqual([
      { index: 0, reason: 'position: [0, 0] is more than 60 m from every road segment' },
    ]);
  });

  it('counts the same detection posted twice as a duplicate', async () => {
    const { app: target, key } = await setUp();
    const position = pathMidpoint(target.city.segments[0]!.path);
    const item = { kind: 'illegal-parking', position, observedAt: TEST_START_AT, evidenceRef: 'e://1' };
    await post(target, '/ingest/traffic-events', key, [item]);
    const second = await post(target, '/ingest/traffic-events', key, [item]);
    expect(second.json()).toMatchObject({ accepted: 0, duplicates: 1 });
  });

  it('answers 401 without an ingest key and 400 for a body that is not an array', async () => {
    const { app: target, key } = await setUp();
    expect((await post(target, '/ingest/traffic-events', null, [])).statusCode).toBe(401);
    const notArray = await post(target, '/ingest/traffic-events', key, { kind: 'illegal-parking' });
    expect(notArray.statusCode).toBe(400);
  });
});

describe('POST /api/v1/ingest/fiware/traffic-flow', () => {
  it.each(EXAMPLES)('reads %s and rejects it: Valladolid is not on this map', async (name) => {
    const { app: target, key } = await setUp();
    const type = name.endsWith('.jsonld') ? 'application/ld+json' : 'application/json';
    const response = await post(target, '/ingest/fiware/traffic-flow', key, readExample(name), type);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      received: 1,
      accepted: 0,
      duplicates: 0,
      rejected: [
        {
          index: 0,
          reason: expect.stringMatching(/^location: no road segment within 50 m of \[-4\.73\d+, 41\.65\d+\]/),
        },
      ],
    });
  });

  it.each(EXAMPLES)('accepts %s moved onto a Hangzhou segment: speed, interval end, flow', async (name) => {
    const { app: target, key } = await setUp();
    const entity = readExample(name);
    const segment = target.city.segments[20]!;
    const line = { type: 'LineString', coordinates: segment.path };
    const loc = entity['location'] as Record<string, unknown>;
    entity['location'] = 'value' in loc ? { ...loc, value: line } : line;
    const response = await post(target, '/ingest/fiware/traffic-flow', key, entity);
    expect(response.json()).toMatchObject({ accepted: 1, rejected: [] });
    const index = target.city.nearestSegment(pathMidpoint(segment.path), 50)!.index;
    expect(target.pipeline.state.speedKmh[index]).toBeCloseTo(52.6, 5);
    // dateObservedTo 2016-12-07T11:15:00Z; the examples carry laneId, so intensity is per lane: no flow.
    expect(target.pipeline.state.observedAt[index]).toBe(Date.UTC(2016, 11, 7, 11, 15));
    expect(Number.isNaN(target.pipeline.state.flowVph[index])).toBe(true);
  });

  it('maps refRoadSegment (NGSI-LD Relationship with a URN) and converts intensity over the interval to veh/h', async () => {
    const { app: target, key } = await setUp();
    const segment = target.city.segments[5]!;
    const entity = {
      id: 'urn:ngsi-ld:TrafficFlowObserved:x1',
      type: 'TrafficFlowObserved',
      refRoadSegment: { type: 'Relationship', object: `urn:ngsi-ld:RoadSegment:${segment.id}` },
      averageVehicleSpeed: { type: 'Property', value: 30 },
      intensity: { type: 'Property', value: 100 },
      dateObservedFrom: {
        type: 'Property',
        value: { '@type': 'DateTime', '@value': '2026-01-15T09:50:00+08:00' },
      },
      dateObservedTo: {
        type: 'Property',
        value: { '@type': 'DateTime', '@value': '2026-01-15T09:55:00+08:00' },
      },
    };
    const response = await post(target, '/ingest/fiware/traffic-flow', key, entity, 'application/ld+json');
    expect(response.json()).toMatchObject({ accepted: 1 });
    // 100 vehicles in 5 minutes = 1,200 veh/h.
    expect(target.pipeline.state.flowVph[segment.index]).toBe(1200);
    expect(target.pipeline.state.observedAt[segment.index]).toBe(Date.UTC(2026, 0, 15, 1, 55));
  });

  it('rejects each unmappable entity of a notification with its reason, never guessing', async () => {
    const { app: target, key } = await setUp();
    const segment = target.city.segments[5]!;
    const base = {
      type: 'TrafficFlowObserved',
      refRoadSegment: segment.id,
      dateObserved: '2026-01-15T09:55:00+08:00',
      averageVehicleSpeed: 40,
    };
    const response = await post(target, '/ingest/fiware/traffic-flow', key, {
      subscriptionId: 's1',
      data: [
        { ...base, id: 'a', refRoadSegment: 'no-such-segment' },
        { ...base, id: 'b', dateObserved: '2026-01-15T09:55:00' },
        { ...base, id: 'c', averageVehicleSpeed: 'fast' },
        { ...base, id: 'd', type: 'WaterObserved' },
        { ...base, id: 'e', refRoadSegment: undefined },
        { ...base, id: 'f' },
      ],
    });
    expect(response.json()).toEqual({
      received: 6,
      accepted: 1,
      duplicates: 0,
      rejected: [
        { index: 0, reason: "refRoadSegment: 'no-such-segment' is not a segment of this city" },
        {
          index: 1,
          reason: "dateObserved: '2026-01-15T09:55:00' has no UTC offset and there is no dateObservedTo",
        },
        { index: 2, reason: 'averageVehicleSpeed: must be a number of km/h in 0-200, got "fast"' },
        { index: 3, reason: "type: expected TrafficFlowObserved, got 'WaterObserved'" },
        { index: 4, reason: 'neither refRoadSegment nor location to map to a segment' },
      ],
    });
  });

  it('answers 403 for a key without the traffic feed', async () => {
    ({ app } = await buildTestApp());
    const key = await createTestIngestKey(app, ['rivers']);
    const response = await post(app, '/ingest/fiware/traffic-flow', key, readExample('example.json'));
    expect(response.statusCode).toBe(403);
  });
});

describe('POST /api/v1/ingest/tomtom/flow', () => {
  const answer = (coordinates: number[][], extra: Record<string, unknown> = {}) => ({
    flowSegmentData: {
      frc: 'FRC2',
      currentSpeed: 41,
      freeFlowSpeed: 61,
      confidence: 0.95,
      roadClosure: false,
      coordinates: { coordinate: coordinates.map(([longitude, latitude]) => ({ latitude, longitude })) },
      ...extra,
    },
  });

  it('maps flowSegmentData by its midpoint and stamps it with the time received', async () => {
    const { app: target, key } = await setUp();
    const segment = target.city.segments[30]!;
    const response = await post(target, '/ingest/tomtom/flow', key, answer(segment.path));
    expect(response.json()).toMatchObject({ received: 1, accepted: 1, rejected: [] });
    const index = target.city.nearestSegment(pathMidpoint(segment.path), 50)!.index;
    expect(target.pipeline.state.speedKmh[index]).toBe(41);
    expect(target.pipeline.state.observedAt[index]).toBe(TEST_START_AT);
  });

  it('rejects closures, low confidence, far geometry and missing data with reasons', async () => {
    const { app: target, key } = await setUp();
    const path = target.city.segments[30]!.path;
    const response = await post(target, '/ingest/tomtom/flow', key, [
      answer(path, { roadClosure: true }),
      answer(path, { confidence: 0.2 }),
      answer([
        [4.84, 52.41],
        [4.85, 52.42],
      ]),
      { somethingElse: true },
    ]);
    expect(response.json().rejected).toEqual([
      { index: 0, reason: 'flowSegmentData.roadClosure: a closed road has no speed reading' },
      { index: 1, reason: 'flowSegmentData.confidence: 0.2 is below 0.5' },
      {
        index: 2,
        reason: expect.stringMatching(/^flowSegmentData.coordinates: no road segment within 50 m/),
      },
      { index: 3, reason: 'flowSegmentData missing' },
    ]);
  });
});
