import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { Value } from '@sinclair/typebox/value';
import type { TSchema } from '@sinclair/typebox';
import { AlertEventBatchSchema, CaseChangedSchema, OpsSnapshotSchema } from '@cbo/contracts';
import type {
  AlertEvent,
  CaseChanged,
  ClientToServerEvents,
  OpsSnapshot,
  ServerToClientEvents,
} from '@cbo/contracts';
import type { ConnectionState } from '../realtime/traffic-socket';
import type { ValueStore } from '../realtime/value-store';

/** What an {@link OpsSocket} hands on; every payload has been validated against its contract first. */
export interface OpsSocketHandlers {
  onSnapshot: (snapshot: OpsSnapshot) => void;
  onAlertEvents: (events: AlertEvent[]) => void;
  onCaseChanged: (change: CaseChanged) => void;
  /** A connection was made; `recovered`: the server replays what was missed, otherwise a snapshot follows. */
  onConnect?: (recovered: boolean) => void;
}

/**
 * Owns the screen's connection for alert and case events (separate from the traffic frames): validates every
 * payload, reports the connection state. Socket.IO's connection state recovery replays events missed during a
 * short disconnection; after a longer one the server sends a fresh `ops:snapshot`.
 */
export class OpsSocket {
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;

  constructor(
    handlers: OpsSocketHandlers,
    private readonly connection: ValueStore<ConnectionState>,
  ) {
    this.socket = io({ path: '/socket.io', transports: ['websocket'], reconnectionDelayMax: 5000 });
    connection.set('connecting');
    this.socket.on('connect', () => {
      connection.set('connected');
      handlers.onConnect?.(this.socket.recovered);
    });
    this.socket.on('disconnect', () => connection.set('disconnected'));
    this.socket.on('connect_error', () => connection.set('disconnected'));
    this.socket.on('ops:snapshot', (payload: unknown) => {
      if (this.check('ops:snapshot', OpsSnapshotSchema, payload)) handlers.onSnapshot(payload as OpsSnapshot);
    });
    this.socket.on('alerts:events', (payload: unknown) => {
      if (this.check('alerts:events', AlertEventBatchSchema, payload))
        handlers.onAlertEvents(payload as AlertEvent[]);
    });
    this.socket.on('cases:changed', (payload: unknown) => {
      if (this.check('cases:changed', CaseChangedSchema, payload))
        handlers.onCaseChanged(payload as CaseChanged);
    });
  }

  /** Closes the connection for good. */
  close(): void {
    this.socket.removeAllListeners();
    this.socket.disconnect();
    this.connection.set('disconnected');
  }

  private check(event: string, schema: TSchema, payload: unknown): boolean {
    // Value.Check, not TypeCompiler: the page's CSP forbids evaluating generated code.
    if (Value.Check(schema, payload)) return true;
    const first = Value.Errors(schema, payload).First();
    console.warn(`dropped invalid ${event}: ${first ? `${first.path} ${first.message}` : 'invalid'}`);
    return false;
  }
}
