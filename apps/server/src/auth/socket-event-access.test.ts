import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Socket } from 'socket.io-client';
import { ROLES, type Role } from '@cbo/contracts';
import { buildTestApp } from '../testing/test-app';
import { signInAs } from '../testing/sign-in';
import { connectSocket } from '../testing/connect-socket';

/**
 * Walks every declared client event (read from `app.socketAccess.events`, so events added later are covered)
 * with every role, and the handshake with no credentials. An event is sent without arguments: a role that may
 * not emit it gets CBO_ERR_FORBIDDEN; a role that may gets anything but that (a payload refusal, or nothing).
 */
let app: FastifyInstance;
const sockets = new Map<Role, Socket>();

beforeAll(async () => {
  ({ app } = await buildTestApp());
  for (const role of ROLES) {
    const outcome = await connectSocket(app, { headers: { cookie: (await signInAs(app, role)).cookie } });
    if (!('socket' in outcome)) throw new Error(`${role} could not connect: ${outcome.refused}`);
    sockets.set(role, outcome.socket);
  }
}, 60_000);

afterAll(async () => {
  for (const socket of sockets.values()) socket.disconnect();
  await app?.close();
});

/** Emits `event` and collects the refusal codes that came back before a marker event was refused. */
async function refusals(socket: Socket, event: string): Promise<string[]> {
  const codes: string[] = [];
  const listener = (denied: { event: string; code: string }) => {
    if (denied.event === event) codes.push(denied.code);
  };
  socket.on('auth:denied', listener);
  socket.emit(event);
  // Packets are guarded in order: once the marker's refusal arrives, the event's has too (if any).
  await new Promise((resolve) => socket.emit('walk:marker', resolve));
  socket.off('auth:denied', listener);
  return codes;
}

describe('socket access walk', () => {
  it('refuses the handshake without credentials', async () => {
    expect(await connectSocket(app)).toEqual({ refused: 'CBO_ERR_UNAUTHENTICATED' });
  });

  it('every declared event: forbidden for the roles not listed, not forbidden for those listed', async () => {
    const wrong: string[] = [];
    expect(app.socketAccess.events.size).toBeGreaterThan(0);
    for (const [event, policy] of app.socketAccess.events) {
      for (const role of ROLES) {
        const codes = await refusals(sockets.get(role)!, event);
        const forbidden = codes.includes('CBO_ERR_FORBIDDEN');
        if (policy.roles.includes(role) === forbidden) wrong.push(`${event} as ${role}: ${codes.join(',')}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 60_000);

  it('an undeclared event is refused for every role', async () => {
    for (const role of ROLES) {
      expect(await refusals(sockets.get(role)!, 'not:declared')).toEqual(['CBO_ERR_UNKNOWN_EVENT']);
    }
  });
});
