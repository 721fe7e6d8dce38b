import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Socket } from 'socket.io-client';
import { Value } from '@sinclair/typebox/value';
import { RiverEventViewSchema, RiverNowSchema, type RiverEventView, type RiverNow } from '@cbo/contracts';
import { connectSocket } from '../testing/connect-socket';
import { createTestIngestKey, signInAs } from '../testing/sign-in';
import { buildTestApp, TEST_START_AT } from '../testing/test-app';

let app: FastifyInstance | undefined;
let socket: Socket | undefined;
afterEach(async () => {
  socket?.disconnect();
  await app?.close();
  app = undefined;
});

describe('river socket events', () => {
  it('pushes river:now with a red gauge and river:event for a detection, both valid by their schemas', async () => {
    const built = await buildTestApp();
    app = built.app;
    const key = await createTestIngestKey(app, ['rivers']);
    const { cookie } = await signInAs(app, 'wall');
    const outcome = await connectSocket(app, { headers: { cookie } });
    if (!('socket' in outcome)) throw new Error(`refused: ${outcome.refused}`);
    socket = outcome.socket;
    const nows: RiverNow[] = [];
    const events: RiverEventView[] = [];
    socket.on('river:now', (now: RiverNow) => nows.push(now));
    socket.on('river:event', (event: RiverEventView) => events.push(event));
    const post = (url: string, payload: object[]) =>
      app!.inject({ method: 'POST', url: `/api/v1${url}`, headers: { 'x-api-key': key }, payload });
    await post('/ingest/river', [
      { gaugeId: 'g-grand-gouzhuang', observedAt: TEST_START_AT - 1000, levelM: 4.95 },
    ]);
    await post('/ingest/river-events', [
      {
        kind: 'washing',
        observedAt: TEST_START_AT - 1000,
        cameraId: 'cam-grand-01',
        evidenceRef: 'evidence://c/1',
      },
    ]);
    app.pipeline.tickNow(TEST_START_AT);
    await expect.poll(() => nows.length + events.length).toBeGreaterThanOrEqual(2);
    expect(Value.Check(RiverNowSchema, nows[0])).toBe(true);
    expect(nows[0]!.gaugesByColour.red).toBe(1);
    expect(Value.Check(RiverEventViewSchema, events[0])).toBe(true);
    expect(events[0]).toMatchObject({ kind: 'washing', cameraId: 'cam-grand-01' });
  });
});
