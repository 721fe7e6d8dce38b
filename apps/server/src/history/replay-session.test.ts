import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ReplayState, ServerToClientEvents } from '@cbo/contracts';
import { decodeFrame, type TrafficFrame } from '@cbo/wire';
import { buildTestApp, TEST_START_AT, type TestApp } from '../testing/test-app';
import { signInAs } from '../testing/sign-in';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
let app: FastifyInstance | undefined;
const clients: ClientSocket[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.disconnect();
  await app?.close();
  app = undefined;
});

function tickAll({ app: a, clock }: TestApp, at: number, speedKmh: number): void {
  clock.set(at);
  a.ingest.ingestObservations(
    a.city.segments.map((s) => ({ segmentId: s.id, observedAt: at, speedKmh, source: 'test' })),
    'test',
  );
  a.pipeline.tickNow(at);
}

async function replayClient(built: TestApp, role: 'analyst' | 'wall'): Promise<ClientSocket> {
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  const address = built.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const { cookie } = await signInAs(built.app, role);
  const socket: ClientSocket = connect(`http://127.0.0.1:${address.port}`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: { cookie },
  });
  clients.push(socket);
  await new Promise((resolve) => socket.once('connect', () => resolve(undefined)));
  return socket;
}

const nextFrame = (socket: ClientSocket, event: 'replay:snapshot' | 'replay:delta') =>
  new Promise<TrafficFrame>((resolve) => socket.once(event, (bytes) => resolve(decodeFrame(bytes))));

describe('replay sessions', () => {
  it('opens a day at a time with a snapshot of the recorded map, then plays consecutive deltas', async () => {
    const built = await buildTestApp();
    app = built.app;
    tickAll(built, TEST_START_AT, 30);
    tickAll(built, TEST_START_AT + 1000, 20);
    await app.history.recorder!.flush();
    const socket = await replayClient(built, 'analyst');
    const snapshot = nextFrame(socket, 'replay:snapshot');
    socket.emit('replay:command', { type: 'open', date: '2026-01-15', at: TEST_START_AT });
    const first = await snapshot;
    expect([first.kind, first.speeds[0]]).toEqual([0, 300]);
    const delta = nextFrame(socket, 'replay:delta');
    socket.emit('replay:command', { type: 'play', speed: 10 });
    const second = await delta;
    expect([second.kind, second.seq, second.indices.length, second.speeds[0]]).toEqual([
      1,
      first.seq + 1,
      app.city.segmentCount,
      200,
    ]);
  });

  it('reports its position after a seek', async () => {
    const built = await buildTestApp();
    app = built.app;
    tickAll(built, TEST_START_AT, 30);
    await app.history.recorder!.flush();
    const socket = await replayClient(built, 'analyst');
    socket.emit('replay:command', { type: 'open', date: '2026-01-15' });
    await new Promise((resolve) => socket.once('replay:state', resolve));
    const state = new Promise<ReplayState>((resolve) => socket.once('replay:state', resolve));
    socket.emit('replay:command', { type: 'seek', at: TEST_START_AT + 5000 });
    expect(await state).toEqual({ date: '2026-01-15', at: TEST_START_AT + 5000, playing: false, speed: 1 });
  });

  it('steps to the next recorded frame', async () => {
    const built = await buildTestApp();
    app = built.app;
    tickAll(built, TEST_START_AT, 30);
    tickAll(built, TEST_START_AT + 1000, 20);
    await app.history.recorder!.flush();
    const socket = await replayClient(built, 'analyst');
    socket.emit('replay:command', { type: 'open', date: '2026-01-15', at: TEST_START_AT });
    await new Promise((resolve) => socket.once('replay:state', resolve));
    const state = new Promise<ReplayState>((resolve) => socket.once('replay:state', resolve));
    socket.emit('replay:command', { type: 'step', direction: 1 });
    expect((await state).at).toBe(TEST_START_AT + 1000);
  });

  it('refuses replay commands from a wall', async () => {
    const built = await buildTestApp();
    app = built.app;
    const socket = await replayClient(built, 'wall');
    const denied = new Promise<unknown>((resolve) => socket.once('auth:denied' as never, resolve));
    socket.emit('replay:command', { type: 'open', date: '2026-01-15' });
    expect(await denied).toEqual({ event: 'replay:command', code: 'CBO_ERR_FORBIDDEN' });
  });
});
