import type { FastifyInstance } from 'fastify';
import { io as connect, type Socket } from 'socket.io-client';

/** Outcome of a handshake: the connected socket, or the refusal's code. */
export type HandshakeOutcome = { socket: Socket } | { refused: string };

/** The URL of an app listening on an ephemeral port (listens when it is not yet). */
export async function listeningUrl(app: FastifyInstance): Promise<string> {
  if (!app.server.listening) await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

/**
 * Opens a Socket.IO connection to the app (websocket, no reconnection) with the given headers and `auth`, and
 * waits for it to connect or be refused. Disconnect the socket after the test.
 */
export async function connectSocket(
  app: FastifyInstance,
  options: { headers?: Record<string, string>; auth?: Record<string, string> } = {},
): Promise<HandshakeOutcome> {
  const socket = connect(await listeningUrl(app), {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: options.headers ?? {},
    auth: options.auth ?? {},
  });
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ socket }));
    socket.once('connect_error', (error: Error & { data?: { code?: string } }) => {
      socket.disconnect();
      resolve({ refused: error.data?.code ?? error.message });
    });
  });
}
