import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { io as connect, type Socket } from 'socket.io-client';
import type { Case, ClientToServerEvents, ServerToClientEvents } from '@cbo/contracts';
import { buildTestApp } from '../testing/test-app';
import { signInAs } from '../testing/sign-in';
import { openCongestionCase } from '../cases/test-congestion';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
let app: FastifyInstance | undefined;
const clients: ClientSocket[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.disconnect();
  await app?.close();
  app = undefined;
});

/** A screen's view of the cases, kept the way the web client keeps it: snapshots replace, changes apply. */
interface Screen {
  socket: ClientSocket;
  cases: Map<string, Case>;
  snapshots: number;
  /** Resolves at the next connection, with `socket.recovered`. */
  nextConnect(): Promise<boolean>;
  /** Resolves once the screen holds `id` at `revision`. */
  caughtUp(id: string, revision: number): Promise<void>;
}

function openScreen(port: number, cookie: string): Screen {
  const socket: ClientSocket = connect(`http://127.0.0.1:${port}`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false, // reconnected by hand, after the changes it must catch up on
    extraHeaders: { cookie },
  });
  clients.push(socket);
  const waiters = new Set<() => void>();
  const screen: Screen = {
    socket,
    cases: new Map(),
    snapshots: 0,
    nextConnect: () => new Promise((resolve) => socket.once('connect', () => resolve(socket.recovered))),
    caughtUp: (id, revision) =>
      new Promise((resolve) => {
        const check = (): void => {
          if ((screen.cases.get(id)?.revision ?? -1) < revision) return;
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
        check();
      }),
  };
  const changed = (): void => {
    for (const waiter of [...waiters]) waiter();
  };
  socket.on('ops:snapshot', (snapshot) => {
    screen.snapshots++;
    screen.cases = new Map(snapshot.cases.map((c) => [c.id, c]));
    changed();
  });
  socket.on('cases:changed', ({ case: c }) => {
    if ((screen.cases.get(c.id)?.revision ?? -1) < c.revision) screen.cases.set(c.id, c);
    changed();
  });
  return screen;
}

async function setUp() {
  const built = await buildTestApp();
  app = built.app;
  const opened = await openCongestionCase(app, built.clock);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const officer = await signInAs(app, 'officer');
  const wall = await signInAs(app, 'wall');
  const act = async (c: Case, type: string, extra: Record<string, unknown> = {}): Promise<Case> => {
    const response = await (app as FastifyInstance).inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/actions`,
      headers: { cookie: officer.cookie },
      payload: { type, revision: c.revision, ...extra },
    });
    expect(response.statusCode).toBe(200);
    return (response.json() as { case: Case }).case;
  };
  return { app, opened, port: address.port, wall, act };
}

/** Drops the screen's connection the way a network loss does (not a client-side disconnect). */
function loseConnection(screen: Screen): Promise<void> {
  const gone = new Promise<void>((resolve) => screen.socket.once('disconnect', () => resolve()));
  screen.socket.io.engine.close();
  return gone;
}

describe('ops gateway: a screen that reconnects catches up', () => {
  it('replays the case changes it missed while disconnected (connection state recovery)', async () => {
    const { opened, port, wall, act } = await setUp();
    const screen = openScreen(port, wall.cookie);
    await screen.nextConnect();
    const filed = await act(opened, 'file');
    await screen.caughtUp(opened.id, filed.revision); // a broadcast received: the session can be recovered
    await loseConnection(screen);
    const dispatched = await act(filed, 'dispatch', { unitId: 'tp-xihu', slaMs: 1_800_000 });
    const started = await act(dispatched, 'start');
    const recovered = screen.nextConnect();
    screen.socket.connect();
    expect(await recovered).toBe(true);
    await screen.caughtUp(opened.id, started.revision);
    expect([screen.snapshots, screen.cases.get(opened.id)?.status]).toEqual([1, 'handling']);
  });

  it('gets a fresh snapshot with the current state after the recovery window', async () => {
    const { app, opened, port, wall, act } = await setUp();
    const screen = openScreen(port, wall.cookie);
    await screen.nextConnect();
    await loseConnection(screen);
    // The recovery window ends (2 min): the server forgets the sessions it kept for disconnected sockets.
    const { sessions } = app.io.of('/').adapter as unknown as { sessions: Map<string, unknown> };
    while (sessions.size === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    sessions.clear();
    const filed = await act(opened, 'file');
    const dismissed = await act(filed, 'dismiss', { reason: 'duplicate report' });
    const recovered = screen.nextConnect();
    screen.socket.connect();
    expect(await recovered).toBe(false);
    await screen.caughtUp(opened.id, dismissed.revision);
    expect([screen.snapshots, screen.cases.get(opened.id)?.status]).toEqual([2, 'dismissed']);
  });

  it('gets the current state on ops:resync', async () => {
    const { opened, port, wall, act } = await setUp();
    const screen = openScreen(port, wall.cookie);
    await screen.nextConnect();
    const filed = await act(opened, 'file');
    await screen.caughtUp(opened.id, filed.revision);
    screen.cases.clear();
    screen.socket.emit('ops:resync');
    await screen.caughtUp(opened.id, filed.revision);
    expect([screen.snapshots, screen.cases.get(opened.id)?.status]).toEqual([2, 'filed']);
  });
});
