import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { Value } from '@sinclair/typebox/value';
import { TrafficInsightsSchema, TrafficNowSchema } from '@cbo/contracts';
import type { TrafficInsights } from '@cbo/contracts';
import type { ClientToServerEvents, ServerToClientEvents, TrafficNow } from '@cbo/contracts';
import type { TrafficFrame } from '@cbo/wire';
import type { ValueStore } from './value-store';
import { decodeFramePayload } from './decode-frame-payload';
import { reportAuthRefused } from '../auth/auth-events';

/** State of the live connection as the screens show it. */
export type ConnectionState = 'connecting' | 'connected' | 'disconnected';

/** What a {@link TrafficSocket} hands on; every payload has been validated first. */
export interface TrafficSocketHandlers {
  onIndices: (now: TrafficNow) => void;
  /** The seven metrics, incidents and forecasts of a tick (`traffic:insights`). */
  onInsights?: (insights: TrafficInsights) => void;
  onFrame: (frame: TrafficFrame) => void;
  /**
   * A connection was made. `recovered`: the server restored the session and replays the missed deltas;
   * otherwise it sends a snapshot next.
   */
  onConnect: (recovered: boolean) => void;
  /** A payload failed validation; it has been dropped. */
  onInvalid?: (event: string, reason: string) => void;
}

/**
 * Owns the one Socket.IO connection of the screen: connects to the page's own origin, validates every
 * payload (indices against the contract schema, frames by decoding them), reports the connection state and
 * asks for a resync when told to.
 */
export class TrafficSocket {
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;

  constructor(
    private readonly handlers: TrafficSocketHandlers,
    private readonly connection: ValueStore<ConnectionState>,
  ) {
    this.socket = io({ path: '/socket.io', transports: ['websocket'], reconnectionDelayMax: 5000 });
    connection.set('connecting');
    this.socket.on('connect', () => {
      connection.set('connected');
      handlers.onConnect(this.socket.recovered);
    });
    this.socket.on('disconnect', () => connection.set('disconnected'));
    this.socket.on('connect_error', (error: Error & { data?: { code?: string } }) => {
      connection.set('disconnected');
      reportAuthRefused(error.data?.code);
    });
    this.socket.on('traffic:indices', (payload: unknown) => this.receiveIndices(payload));
    this.socket.on('traffic:insights', (payload: unknown) => this.receiveInsights(payload));
    this.socket.on('traffic:snapshot', (payload: unknown) => this.receiveFrame('traffic:snapshot', payload));
    this.socket.on('traffic:delta', (payload: unknown) => this.receiveFrame('traffic:delta', payload));
  }

  /** Asks the server for a fresh snapshot (after a gap in the delta sequence). */
  requestResync(): void {
    this.socket.emit('traffic:resync');
  }

  /** Closes the connection for good. */
  close(): void {
    this.socket.removeAllListeners();
    this.socket.disconnect();
    this.connection.set('disconnected');
  }

  private receiveIndices(payload: unknown): void {
    // Value.Check, not TypeCompiler: the page's CSP forbids evaluating generated code.
    if (!Value.Check(TrafficNowSchema, payload)) {
      const first = Value.Errors(TrafficNowSchema, payload).First();
      this.handlers.onInvalid?.('traffic:indices', first ? `${first.path} ${first.message}` : 'invalid');
      return;
    }
    this.handlers.onIndices(payload);
  }

  private receiveInsights(payload: unknown): void {
    if (!this.handlers.onInsights) return;
    if (!Value.Check(TrafficInsightsSchema, payload)) {
      const first = Value.Errors(TrafficInsightsSchema, payload).First();
      this.handlers.onInvalid?.('traffic:insights', first ? `${first.path} ${first.message}` : 'invalid');
      return;
    }
    this.handlers.onInsights(payload);
  }

  private receiveFrame(event: string, payload: unknown): void {
    const decoded = decodeFramePayload(payload, event === 'traffic:snapshot' ? 0 : 1);
    if ('error' in decoded) {
      this.handlers.onInvalid?.(event, decoded.error);
      return;
    }
    this.handlers.onFrame(decoded.frame);
  }
}
