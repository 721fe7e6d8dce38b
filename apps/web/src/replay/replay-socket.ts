import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { Value } from '@sinclair/typebox/value';
import { ReplayStateSchema, TrafficNowSchema } from '@cbo/contracts';
import type {
  ClientToServerEvents,
  ReplayCommand,
  ReplayState,
  ServerToClientEvents,
  TrafficNow,
} from '@cbo/contracts';
import type { TrafficFrame } from '@cbo/wire';
import { decodeFramePayload } from '../realtime/decode-frame-payload';

/** What a {@link ReplaySocket} hands on; every payload has been validated first. */
export interface ReplaySocketHandlers {
  onFrame: (frame: TrafficFrame) => void;
  onIndices: (now: TrafficNow) => void;
  onState: (state: ReplayState) => void;
  onError: (message: string) => void;
  /** (Re)connected: the session is new, the caller re-opens its day. */
  onConnect: () => void;
}

/**
 * Owns the replay screen's Socket.IO connection: sends replay commands and validates what comes back (frames
 * decoded with the same function as live frames, indices and state against their contract schemas).
 */
export class ReplaySocket {
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;

  constructor(private readonly handlers: ReplaySocketHandlers) {
    this.socket = io({ path: '/socket.io', transports: ['websocket'], reconnectionDelayMax: 5000 });
    this.socket.on('connect', () => handlers.onConnect());
    this.socket.on('replay:snapshot', (payload: unknown) => this.receiveFrame(payload, 0));
    this.socket.on('replay:delta', (payload: unknown) => this.receiveFrame(payload, 1));
    this.socket.on('replay:indices', (payload: unknown) => {
      if (Value.Check(TrafficNowSchema, payload)) handlers.onIndices(payload);
    });
    this.socket.on('replay:state', (payload: unknown) => {
      if (Value.Check(ReplayStateSchema, payload)) handlers.onState(payload);
    });
    this.socket.on('replay:error', (payload: unknown) => {
      const message = (payload as { message?: unknown } | null)?.message;
      handlers.onError(typeof message === 'string' ? message : 'unknown error');
    });
  }

  /** Sends a command (open, seek, play, pause, step). */
  send(command: ReplayCommand): void {
    this.socket.emit('replay:command', command);
  }

  close(): void {
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }

  private receiveFrame(payload: unknown, kind: 0 | 1): void {
    const decoded = decodeFramePayload(payload, kind);
    if ('error' in decoded) this.handlers.onError(decoded.error);
    else this.handlers.onFrame(decoded.frame);
  }
}
