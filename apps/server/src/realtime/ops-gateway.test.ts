import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { io as connect, type Socket } from 'socket.io-client';
import type { CaseChanged, ClientToServerEvents, OpsSnapshot, ServerToClientEvents } from '@cbo/contracts';
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

function connectWith(port: number, cookie: string): { socket: ClientSocket; snapshot: Promise<OpsSnapshot> } {
  const socket: ClientSocket = connect(`http://127.0.0.1:${port}`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: { cookie },
  });
  clients.push(socket);
  return { socket, snapshot: new Promise((resolve) => socket.once('ops:snapshot', resolve)) };
}

describe('ops gateway', () => {
  it('sends a snapshot of open cases on connect and pushes an officer’s action to a second screen', async () => {
    const built = await buildTestApp();
    app = built.app;
    const c = await openCongestionCase(app, built.clock);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    const officer = await signInAs(app, 'officer');
    const wall = await signInAs(app, 'wall');
    const screen = connectWith(address.port, wall.cookie);
    const snapshot = await screen.snapshot;
    const changed = new Promise<CaseChanged>((resolve) => screen.socket.once('cases:changed', resolve));
    const startedAt = performance.now();
    await app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/actions`,
      headers: { cookie: officer.cookie },
      payload: { type: 'file', revision: c.revision },
    });
    const change = await changed;
    expect([
      snapshot.cases.filter((x) => x.kind === 'congestion').map((x) => x.id),
      change.case.status,
      change.events[0]?.actor,
    ]).toEqual([[c.id], 'filed', officer.actor.name]);
    expect(performance.now() - startedAt).toBeLessThan(1000);
  });
});
