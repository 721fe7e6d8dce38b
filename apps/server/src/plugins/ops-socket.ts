import fp from 'fastify-plugin';
import { ROLES } from '@cbo/contracts';
import { attachOpsGateway } from '../realtime/ops-gateway';

/** Wires alert and case events to Socket.IO (every connected screen). */
export const opsSocketPlugin = fp(
  async (app) => {
    app.socketAccess.declare('ops:resync', { roles: ROLES });
    const detach = attachOpsGateway({
      io: app.io,
      alerts: app.alerts,
      cases: app.cases,
      now: () => app.pipeline.clock.now(),
      log: app.log.child({ module: 'ops-socket' }),
    });
    app.addHook('preClose', async () => detach());
  },
  { name: 'cbo-ops-socket', dependencies: ['cbo-auth', 'cbo-socket', 'cbo-alerts'] },
);
