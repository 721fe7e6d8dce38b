import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents, TrafficNow } from '@cbo/contracts';
import { SPEED_UNKNOWN } from '@cbo/contracts';
import { decodeFrame, quantizeSpeed, type TrafficFrame } from '@cbo/wire';
import { buildTestApp, TEST_START_AT } from '../testing/test-app';
import { signInAs } from '../testing/sign-in';

const NOW = TEST_START_AT;
type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let app: FastifyInstance | undefined;
let client: ClientSocket | undefined;

afterEach(async () => {
  client?.disconnect();
  client = undefined;
  await app?.close();
  app = undefined;
});

async function listenAndConnect(): Promise<{
  app: FastifyInstance;
  client: ClientSocket;
  first: Promise<TrafficFrame>;
}> {
  ({ app } = await buildTestApp());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const { cookie } = await signInAs(app, 'wall');
  client = connect(`http://127.0.0.1:${address.port}`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: { cookie },
  });
  const first = nextFrame(client, 'traffic:snapshot');
  return { app, client, first };
}

function nextFrame(socket: ClientSocket, event: 'traffic:snapshot' | 'traffic:delta'): Promise<TrafficFrame> {
  return new Promise((resolve) => socket.once(event, (bytes) => resolve(decodeFrame(bytes))));
}

describe('traffic gateway', () => {
  it('sends a snapshot on connect, then a binary delta with exactly the changed segments', async () => {
    const { app: target, client: socket, first } = await listenAndConnect();
    const snapshot = await first;
    expect(snapshot.kind).toBe(0);
    expect(snapshot.segmentsHash).toBe(target.city.document.segmentsHash);
    expect(snapshot.speeds.length).toBe(target.city.segmentCount);
    expect(snapshot.speeds.every((speed) => speed === SPEED_UNKNOWN)).toBe(true);

    const [a, , c] = target.city.segments;
    target.ingest.ingestInputs(
      [
        { segmentId: a!.id, observedAt: NOW - 1000, speedKmh: 31.24 },
        { segmentId: c!.id, observedAt: NOW - 1000, speedKmh: 55 },
      ],
      'http',
    );
    const rawDelta = new Promise<unknown>((resolve) => socket.once('traffic:delta', resolve));
    const indices = new Promise<TrafficNow>((resolve) => socket.once('traffic:indices', resolve));
    target.pipeline.tickNow(NOW);

    const bytes = await rawDelta;
    expect(bytes instanceof ArrayBuffer || ArrayBuffer.isView(bytes)).toBe(true);
    const delta = decodeFrame(bytes as ArrayBuffer);
    expect(delta).toMatchObject({ kind: 1, seq: snapshot.seq + 1, at: NOW });
    expect([...delta.indices]).toEqual([0, 2]);
    expect([...delta.speeds]).toEqual([quantizeSpeed(31.24), quantizeSpeed(55)]);
    expect((await indices).tick).toBe(1);
  });

  it('sends only the segments that changed since the previous tick', async () => {
    const { app: target, client: socket, first } = await listenAndConnect();
    await first;
    const [a, b] = target.city.segments;
    target.ingest.ingestInputs([{ segmentId: a!.id, observedAt: NOW - 2000, speedKmh: 30 }], 'http');
    target.pipeline.tickNow(NOW);
    target.ingest.ingestInputs(
      [
        { segmentId: a!.id, observedAt: NOW - 1000, speedKmh: 30 },
        { segmentId: b!.id, observedAt: NOW - 1000, speedKmh: 42 },
      ],
      'http',
    );
    const secondDelta = new Promise<TrafficFrame>((resolve) => {
      socket.on('traffic:delta', (bytes) => {
        const frame = decodeFrame(bytes);
        if (frame.seq === 2) resolve(frame);
      });
    });
    target.pipeline.tickNow(NOW + 1000);
    expect([...(await secondDelta).indices]).toEqual([1]);
  });

  it('answers traffic:resync with a fresh snapshot holding the current speeds', async () => {
    const { app: target, client: socket, first } = await listenAndConnect();
    await first;
    const a = target.city.segments[0]!;
    target.ingest.ingestInputs([{ segmentId: a.id, observedAt: NOW - 1000, speedKmh: 25 }], 'http');
    target.pipeline.tickNow(NOW);
    const resynced = nextFrame(socket, 'traffic:snapshot');
    socket.emit('traffic:resync');
    const snapshot = await resynced;
    expect(snapshot).toMatchObject({ kind: 0, seq: 1 });
    expect(snapshot.speeds[0]).toBe(quantizeSpeed(25));
    expect(snapshot.speeds[1]).toBe(SPEED_UNKNOWN);
  });

  it('broadcasts feeds:health every 5 s of ticks', async () => {
    const { app: target, client: socket, first } = await listenAndConnect();
    await first;
    let lastTick = 0;
    socket.on('traffic:indices', (now) => {
      lastTick = now.tick;
    });
    const health = new Promise<number>((resolve) => socket.once('feeds:health', () => resolve(lastTick)));
    for (let k = 0; k < 6; k++) target.pipeline.tickNow(NOW + k * 1000);
    expect(await health).toBe(5);
  });

  it('ignores a traffic:resync that carries a payload', async () => {
    const { client: socket, first } = await listenAndConnect();
    await first;
    let snapshots = 0;
    socket.on('traffic:snapshot', () => snapshots++);
    (socket as unknown as { emit: (event: string, ...args: unknown[]) => void }).emit('traffic:resync', {
      evil: true,
    });
    socket.emit('traffic:resync');
    await new Promise<void>((resolve) => socket.once('traffic:snapshot', () => resolve()));
    expect(snapshots).toBe(1);
  });
});
