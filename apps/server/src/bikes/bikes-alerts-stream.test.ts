import type { FastifyInstance } from 'fastify';
import { io as connect, type Socket } from 'socket.io-client';
import type { BikesNow, ClientToServerEvents, ServerToClientEvents } from '@cbo/contracts';
import { decodeBikeFrame } from '@cbo/wire';
import { afterEach, describe, expect, it } from 'vitest';
import { signInAs } from '../testing/sign-in';
import { buildTestApp, TEST_START_AT } from '../testing/test-app';

const FLEET = 2000;
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

describe('alerts', () => {
  it('raises over-quota alerts for the operators deployed above their quota', async () => {
    const target = await simApp();
    for (const minutes of [0, 16]) {
      await target.bikes.pollNow(TEST_START_AT + minutes * 60_000);
      target.alerts.evaluateNow(TEST_START_AT + minutes * 60_000);
    }
    const overQuota = target.alerts.active().filter((a) => a.ruleId === 'bike-operator-over-quota');
    const { body } = await get<BikesNow>(target, '/api/v1/bikes/now');
    const expected = body.operators.filter((o) => (o.fleetOverQuota ?? 0) > 0).map((o) => o.operatorId);
    expect(overQuota.map((a) => a.entityId).sort()).toEqual(expected.sort());
  });
});

describe('bike streams', () => {
  it('answers bikes:subscribe with a snapshot of every bike', async () => {
    const target = await simApp();
    await target.bikes.pollNow(TEST_START_AT);
    await target.listen({ port: 0, host: '127.0.0.1' });
    const address = target.server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    const { cookie } = await signInAs(target, 'wall');
    const client: Socket<ServerToClientEvents, ClientToServerEvents> = connect(
      `http://127.0.0.1:${address.port}`,
      {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        extraHeaders: { cookie },
      },
    );
    try {
      const frame = new Promise<ArrayBuffer>((resolve) => client.once('bikes:snapshot', resolve));
      client.emit('bikes:subscribe');
      expect(decodeBikeFrame(await frame).indices).toHaveLength(FLEET);
    } finally {
      client.disconnect();
    }
  });
});
