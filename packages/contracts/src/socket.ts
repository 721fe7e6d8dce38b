import type { FeedHealth } from './health';
import type { TrafficNow } from './traffic';
import type { TrafficInsightsServerToClientEvents } from './traffic-insights';
import type { OpsClientToServerEvents, OpsServerToClientEvents } from './ops';
import type { ReplayClientToServerEvents, ReplayServerToClientEvents } from './history';
import type { RiverServerToClientEvents } from './river-api';
import type { BikesClientToServerEvents, BikesServerToClientEvents } from './bikes';

/** Socket.IO rooms a client may join. */
export const ROOMS = ['traffic'] as const;
export type Room = (typeof ROOMS)[number];

/** Events the server emits. Binary frames are encoded by `@cbo/wire`. */
export interface ServerToClientEvents
  extends
    OpsServerToClientEvents,
    ReplayServerToClientEvents,
    TrafficInsightsServerToClientEvents,
    RiverServerToClientEvents,
    BikesServerToClientEvents {
  /** Full state of every segment: sent on connect and whenever a client must resynchronise. */
  'traffic:snapshot': (frame: ArrayBuffer) => void;
  /** Segments that changed this tick. */
  'traffic:delta': (frame: ArrayBuffer) => void;
  /** Network and district indices of this tick. */
  'traffic:indices': (now: TrafficNow) => void;
  /** Feed freshness, every few seconds. */
  'feeds:health': (feeds: FeedHealth[]) => void;
}

/** Events a client may emit; the server validates every payload. */
export interface ClientToServerEvents
  extends OpsClientToServerEvents, ReplayClientToServerEvents, BikesClientToServerEvents {
  /** Ask for a fresh snapshot (after a gap in delta sequence numbers). */
  'traffic:resync': () => void;
}
