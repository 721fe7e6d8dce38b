import type { FastifyBaseLogger } from 'fastify';
import type { OpsSnapshot } from '@cbo/contracts';
import type { TrafficIo } from './traffic-gateway';
import type { AlertService } from '../alerts/alert-service';
import type { CaseService } from '../cases/case-service';
import { OPEN_CASE_STATUSES } from '@cbo/alerts';

/** Closed cases stay in the snapshot this long after their last change, ms (the wall shows them). */
export const RECENT_CASE_MS = 24 * 3_600_000;

/** Start of the window of the response KPIs: the last 24 hours. */
export const KPI_WINDOW_MS = 24 * 3_600_000;

/** What a screen needs to (re)start: open cases and those changed in the last day, firing alerts, KPIs. */
export function buildOpsSnapshot(alerts: AlertService, cases: CaseService, now: number): OpsSnapshot {
  return {
    at: now,
    cases: cases
      .list()
      .filter((c) => OPEN_CASE_STATUSES.includes(c.status) || now - c.updatedAt <= RECENT_CASE_MS),
    alerts: alerts.active(),
    kpis: cases.kpis(now - KPI_WINDOW_MS, now + 1),
  };
}

export interface OpsGatewayOptions {
  io: TrafficIo;
  alerts: AlertService;
  cases: CaseService;
  now: () => number;
  log: FastifyBaseLogger;
}

/**
 * Pushes alert and case events to every connected screen. On connection a screen gets `ops:snapshot` unless
 * its session was recovered (then the missed events are replayed); `ops:resync` asks for another.
 * @returns a function that detaches the gateway
 */
export function attachOpsGateway({ io, alerts, cases, now, log }: OpsGatewayOptions): () => void {
  const onConnection = (socket: Parameters<Parameters<TrafficIo['on']>[1]>[0]): void => {
    if (!socket.recovered) socket.emit('ops:snapshot', buildOpsSnapshot(alerts, cases, now()));
    socket.on('ops:resync', (...args: unknown[]) => {
      if (args.length !== 0) {
        log.debug({ socketId: socket.id }, 'ops:resync with a payload ignored');
        return;
      }
      socket.emit('ops:snapshot', buildOpsSnapshot(alerts, cases, now()));
    });
  };
  io.on('connection', onConnection);
  const offAlerts = alerts.onEvent((events) => io.emit('alerts:events', [...events]));
  const offCases = cases.onEvent((change) => io.emit('cases:changed', change));
  return () => {
    io.off('connection', onConnection);
    offAlerts();
    offCases();
  };
}
