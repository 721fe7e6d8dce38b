import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Socket } from 'socket.io-client';
import { buildTestApp } from '../testing/test-app';
import { signInAs } from '../testing/sign-in';
import { connectSocket, type HandshakeOutcome } from '../testing/connect-socket';

let app: FastifyInstance | undefined;
const sockets: Socket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  await app?.close();
  app = undefined;
});

async function open(
  target: FastifyInstance,
  options: Parameters<typeof connectSocket>[1],
): Promise<HandshakeOutcome> {
  const outcome = await connectSocket(target, options);
  if ('socket' in outcome) sockets.push(outcome.socket);
  return outcome;
}

describe('socket handshake', () => {
  it('refuses a handshake without credentials', async () => {
    ({ app } = await buildTestApp());
    expect(await open(app, {})).toEqual({ refused: 'CBO_ERR_UNAUTHENTICATED' });
  });

  it('accepts a wall token in auth.token and puts the actor on the socket', async () => {
    ({ app } = await buildTestApp());
    const { token, wallToken } = await app.auth.wallTokens.issue('hall-left', 'test', Date.now());
    const outcome = await open(app, { auth: { token } });
    expect('socket' in outcome).toBe(true);
    const [serverSocket] = await app.io.fetchSockets();
    expect(serverSocket?.data.actor).toEqual({
      id: `wall:${wallToken.id}`,
      name: 'hall-left',
      role: 'wall',
      kind: 'wall',
    });
  });

  it('refuses a revoked wall token with its own code', async () => {
    ({ app } = await buildTestApp());
    const { token, wallToken } = await app.auth.wallTokens.issue('hall-left', 'test', Date.now());
    await app.auth.wallTokens.revoke(wallToken.id, Date.now());
    expect(await open(app, { auth: { token } })).toEqual({ refused: 'CBO_ERR_WALL_TOKEN_REVOKED' });
  });

  it('refuses a handshake from another origin even with a valid cookie', async () => {
    ({ app } = await buildTestApp());
    const { cookie } = await signInAs(app, 'officer');
    const outcome = await open(app, { headers: { cookie, origin: 'https://evil.example' } });
    expect(outcome).toEqual({ refused: 'CBO_ERR_CROSS_ORIGIN' });
  });

  it('disconnects a live wall when an admin revokes its token', async () => {
    ({ app } = await buildTestApp());
    const { cookie } = await signInAs(app, 'admin');
    const { token, wallToken } = await app.auth.wallTokens.issue('hall-left', 'test', Date.now());
    const outcome = await open(app, { auth: { token } });
    if (!('socket' in outcome)) throw new Error('not connected');
    const disconnected = new Promise<string>((resolve) => outcome.socket.once('disconnect', resolve));
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/admin/wall-tokens/${wallToken.id}/revoke`,
      headers: { cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(await disconnected).toBe('io server disconnect');
  });
});

describe('socket events', () => {
  async function deniedCode(socket: Socket, event: string, ...args: unknown[]): Promise<unknown> {
    return new Promise((resolve) => socket.emit(event, ...args, (answer: unknown) => resolve(answer)));
  }

  it('refuses an undeclared event', async () => {
    ({ app } = await buildTestApp());
    const outcome = await open(app, { headers: { cookie: (await signInAs(app, 'admin')).cookie } });
    if (!('socket' in outcome)) throw new Error('not connected');
    expect(await deniedCode(outcome.socket, 'no:such-event')).toEqual({ error: 'CBO_ERR_UNKNOWN_EVENT' });
  });

  it('refuses a declared event with a payload it does not take', async () => {
    ({ app } = await buildTestApp());
    const outcome = await open(app, { headers: { cookie: (await signInAs(app, 'wall')).cookie } });
    if (!('socket' in outcome)) throw new Error('not connected');
    const denied = new Promise((resolve) => outcome.socket.once('auth:denied', resolve));
    outcome.socket.emit('traffic:resync', { evil: true });
    expect(await denied).toEqual({ event: 'traffic:resync', code: 'CBO_ERR_BAD_PAYLOAD' });
  });
});
