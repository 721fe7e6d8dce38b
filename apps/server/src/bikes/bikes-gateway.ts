import type { FastifyBaseLogger } from 'fastify';
import { BIKES_ROOM } from '@cbo/contracts';
import type { TrafficIo } from '../realtime/traffic-gateway';
import type { TrafficPipeline } from '../pipeline/traffic-pipeline';
import { toArrayBuffer } from '../realtime/to-array-buffer';
import type { BikeService } from './bike-service';

/** Interval of the `bikes:now` broadcast, ms of the server's clock. */
export const BIKES_NOW_EVERY_MS = 5_000;

/** Options of {@link attachBikesGateway}. */
export interface BikesGatewayOptions {
  io: TrafficIo;
  pipeline: TrafficPipeline;
  service: BikeService;
  log: FastifyBaseLogger;
}

/**
 * Streams bikes to the `bikes` room: `bikes:subscribe` joins it and answers with a binary `bikes:snapshot`,
 * `bikes:unsubscribe` leaves it, `bikes:resync` sends a fresh snapshot. On every pipeline tick, one binary
 * `bikes:delta` of the bikes changed since the previous one (encoded once for the room, none when nothing
 * changed); every {@link BIKES_NOW_EVERY_MS}, a JSON `bikes:now`. Events with a payload are ignored.
 * @returns a function that detaches the gateway
 */
export function attachBikesGateway({ io, pipeline, service, log }: BikesGatewayOptions): () => void {
  const snapshot = (): ArrayBuffer => toArrayBuffer(service.state.fleet.snapshotFrame(pipeline.clock.now()));
  const noPayload = (event: string, args: unknown[], socketId: string): boolean => {
    if (args.length === 0) return true;
    log.debug({ socketId, event }, 'bike event with a payload ignored');
    return false;
  };
  const onConnection = (socket: Parameters<Parameters<TrafficIo['on']>[1]>[0]): void => {
    socket.on('bikes:subscribe', (...args: unknown[]) => {
      if (!noPayload('bikes:subscribe', args, socket.id)) return;
      void socket.join(BIKES_ROOM);
      socket.emit('bikes:snapshot', snapshot());
      socket.emit('bikes:now', service.now(pipeline.clock.now()));
    });
    socket.on('bikes:unsubscribe', (...args: unknown[]) => {
      if (noPayload('bikes:unsubscribe', args, socket.id)) void socket.leave(BIKES_ROOM);
    });
    socket.on('bikes:resync', (...args: unknown[]) => {
      if (noPayload('bikes:resync', args, socket.id)) socket.emit('bikes:snapshot', snapshot());
    });
  };
  io.on('connection', onConnection);
  let lastNowAt = Number.NEGATIVE_INFINITY;
  const detach = pipeline.onTick((result) => {
    const at = result.now.computedAt;
    const room = io.to(BIKES_ROOM);
    const delta = service.state.fleet.takeDeltaFrame(at);
    if (delta) room.emit('bikes:delta', toArrayBuffer(delta));
    if (at - lastNowAt >= BIKES_NOW_EVERY_MS) {
      lastNowAt = at;
      room.emit('bikes:now', service.now(at));
    }
  });
  return () => {
    detach();
    io.off('connection', onConnection);
  };
}
