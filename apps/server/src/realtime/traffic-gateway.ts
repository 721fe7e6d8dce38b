import type { Server } from 'socket.io';
import type { FastifyBaseLogger } from 'fastify';
import type { ClientToServerEvents, Room, ServerToClientEvents } from '@cbo/contracts';
import type { FeedHealthTracker } from '../ingest/feed-health';
import type { TrafficPipeline } from '../pipeline/traffic-pipeline';
import { toArrayBuffer } from './to-array-buffer';

/** The server's typed Socket.IO instance. */
export type TrafficIo = Server<ClientToServerEvents, ServerToClientEvents>;

/** Room every traffic client joins on connection. */
export const TRAFFIC_ROOM: Room = 'traffic';
/** Interval of the `feeds:health` broadcast, ms. */
export const FEEDS_HEALTH_EVERY_MS = 5_000;

export interface TrafficGatewayOptions {
  io: TrafficIo;
  pipeline: TrafficPipeline;
  feedHealth: FeedHealthTracker;
  tickMs: number;
  log: FastifyBaseLogger;
}

/**
 * Wires the pipeline to Socket.IO. On connection a client joins the traffic room and gets a snapshot (unless its
 * session was recovered, in which case the missed deltas are replayed). Per tick, one binary delta and one
 * indices message go to the room (encoded once, whatever the number of clients); feed health every
 * {@link FEEDS_HEALTH_EVERY_MS}. `traffic:resync` takes no payload; a call with one is ignored.
 * @returns a function that detaches the gateway from the pipeline
 */
export function attachTrafficGateway({
  io,
  pipeline,
  feedHealth,
  tickMs,
  log,
}: TrafficGatewayOptions): () => void {
  io.on('connection', (socket) => {
    void socket.join(TRAFFIC_ROOM);
    if (!socket.recovered) socket.emit('traffic:snapshot', toArrayBuffer(pipeline.snapshotFrame()));
    socket.on('traffic:resync', (...args: unknown[]) => {
      if (args.length !== 0) {
        log.debug({ socketId: socket.id, argCount: args.length }, 'traffic:resync with a payload ignored');
        return;
      }
      socket.emit('traffic:snapshot', toArrayBuffer(pipeline.snapshotFrame()));
    });
  });

  const healthEveryTicks = Math.max(1, Math.round(FEEDS_HEALTH_EVERY_MS / tickMs));
  return pipeline.onTick((result) => {
    const room = io.to(TRAFFIC_ROOM);
    room.emit('traffic:delta', toArrayBuffer(result.deltaFrame));
    room.emit('traffic:indices', result.now);
    if (result.now.tick % healthEveryTicks === 0) {
      room.emit('feeds:health', feedHealth.report(result.now.computedAt));
    }
  });
}
