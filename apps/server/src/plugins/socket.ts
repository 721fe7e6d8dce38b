import fp from 'fastify-plugin';
import { Server } from 'socket.io';
import { ROLES } from '@cbo/contracts';
import { attachTrafficGateway, type TrafficIo } from '../realtime/traffic-gateway';

declare module 'fastify' {
  interface FastifyInstance {
    /** Socket.IO on the app's HTTP server, path /socket.io. */
    io: TrafficIo;
  }
}

/** Maximum time a client may be away and still get the missed packets replayed, ms. */
export const RECOVERY_WINDOW_MS = 2 * 60_000;

/** Attaches Socket.IO to the app's HTTP server and wires the traffic gateway; closes with the app. */
export const socketPlugin = fp(
  async (app) => {
    const io: TrafficIo = new Server(app.server, {
      path: '/socket.io',
      serveClient: false,
      // Middlewares run on recovery too: a revoked token or ended session must not come back through recovery.
      connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_WINDOW_MS, skipMiddlewares: false },
    });
    app.decorate('io', io);
    io.use((socket, next) => app.socketAccess.middleware(socket, next));
    app.socketAccess.declare('traffic:resync', { roles: ROLES });
    const detach = attachTrafficGateway({
      io,
      pipeline: app.pipeline,
      feedHealth: app.feedHealth,
      tickMs: app.config.TICK_MS,
      log: app.log.child({ module: 'socket' }),
    });
    app.addHook('preClose', async () => {
      detach();
      io.local.disconnectSockets(true);
    });
    app.addHook('onClose', async () => {
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
    });
  },
  { name: 'cbo-socket', dependencies: ['cbo-config', 'cbo-pipeline', 'cbo-ingest', 'cbo-auth'] },
);
