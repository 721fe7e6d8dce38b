import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { Value } from '@sinclair/typebox/value';
import { BIKE_FRAME_KIND_DELTA, BIKE_FRAME_KIND_SNAPSHOT, BikesNowSchema } from '@cbo/contracts';
import type { BikesClientToServerEvents, BikesNow, BikesServerToClientEvents } from '@cbo/contracts';
import { decodeBikeFrame } from '@cbo/wire';
import type { BikeFrame } from '@cbo/wire';
import type { ValueStore } from '../realtime/value-store';
import type { ConnectionState } from '../realtime/traffic-socket';

/** What a {@link BikeSocket} hands on; every payload has been validated first. */
export interface BikeSocketHandlers {
  onNow: (now: BikesNow) => void;
  onFrame: (frame: BikeFrame) => void;
  /** Connected (again) and subscribed: a snapshot follows. */
  onSubscribed: () => void;
  /** A payload failed validation; it has been dropped. */
  onInvalid?: (event: string, reason: string) => void;
}

/** A socket payload decoded into a bike frame of the expected kind, or why it was dropped. */
export function decodeBikePayload(
  payload: unknown,
  expectedKind: typeof BIKE_FRAME_KIND_SNAPSHOT | typeof BIKE_FRAME_KIND_DELTA,
): { frame: BikeFrame } | { error: string } {
  if (!(payload instanceof ArrayBuffer) && !ArrayBuffer.isView(payload)) return { error: 'not binary' };
  let frame: BikeFrame;
  try {
    frame = decodeBikeFrame(payload);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  if (frame.kind !== expectedKind) return { error: `frame kind ${frame.kind}` };
  return { frame };
}

/**
 * Owns the bike stream connection of a screen: connects to the page's own origin, joins the `bikes` room on
 * every connect (`bikes:subscribe`), validates `bikes:now` against its contract schema and decodes binary
 * frames, and asks for a snapshot (`bikes:resync`) when told to.
 */
export class BikeSocket {
  private readonly socket: Socket<BikesServerToClientEvents, BikesClientToServerEvents>;

  constructor(
    private readonly handlers: BikeSocketHandlers,
    private readonly connection: ValueStore<ConnectionState>,
  ) {
    this.socket = io({ path: '/socket.io', transports: ['websocket'], reconnectionDelayMax: 5000 });
    connection.set('connecting');
    this.socket.on('connect', () => {
      connection.set('connected');
      handlers.onSubscribed();
      this.socket.emit('bikes:subscribe');
    });
    this.socket.on('disconnect', () => connection.set('disconnected'));
    this.socket.on('connect_error', () => connection.set('disconnected'));
    this.socket.on('bikes:now', (payload: unknown) => this.receiveNow(payload));
    this.socket.on('bikes:snapshot', (payload: unknown) =>
      this.receiveFrame('bikes:snapshot', payload, BIKE_FRAME_KIND_SNAPSHOT),
    );
    this.socket.on('bikes:delta', (payload: unknown) =>
      this.receiveFrame('bikes:delta', payload, BIKE_FRAME_KIND_DELTA),
    );
  }

  /** Asks the server for a fresh snapshot (after a gap in the delta sequence). */
  requestResync(): void {
    this.socket.emit('bikes:resync');
  }

  /** Leaves the room and closes the connection for good. */
  close(): void {
    if (this.socket.connected) this.socket.emit('bikes:unsubscribe');
    this.socket.removeAllListeners();
    this.socket.disconnect();
    this.connection.set('disconnected');
  }

  private receiveNow(payload: unknown): void {
    // Value.Check, not TypeCompiler: the page's CSP forbids evaluating generated code.
    if (!Value.Check(BikesNowSchema, payload)) {
      const first = Value.Errors(BikesNowSchema, payload).First();
      this.handlers.onInvalid?.('bikes:now', first ? `${first.path} ${first.message}` : 'invalid');
      return;
    }
    this.handlers.onNow(payload);
  }

  private receiveFrame(event: string, payload: unknown, kind: 2 | 3): void {
    const decoded = decodeBikePayload(payload, kind);
    if ('error' in decoded) {
      this.handlers.onInvalid?.(event, decoded.error);
      return;
    }
    this.handlers.onFrame(decoded.frame);
  }
}
