import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { Value } from '@sinclair/typebox/value';
import { RiverEventViewSchema, RiverNowSchema } from '@cbo/contracts';
import type { ClientToServerEvents, RiverEventView, RiverNow, ServerToClientEvents } from '@cbo/contracts';

/** What a {@link RiverSocket} hands on; every payload has been validated first. */
export interface RiverSocketHandlers {
  onNow: (now: RiverNow) => void;
  onEvent: (event: RiverEventView) => void;
  /** A payload failed validation; it has been dropped. */
  onInvalid?: (event: string, reason: string) => void;
}

/**
 * The river stream of a screen: its own connection to the page's origin (the server puts every client in the
 * room that gets `river:now` and `river:event`), validating each payload against its contract schema.
 */
export class RiverSocket {
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;

  constructor(private readonly handlers: RiverSocketHandlers) {
    this.socket = io({ path: '/socket.io', transports: ['websocket'], reconnectionDelayMax: 5000 });
    this.socket.on('river:now', (payload: unknown) => {
      // Value.Check, not TypeCompiler: the page's CSP forbids evaluating generated code.
      if (Value.Check(RiverNowSchema, payload)) handlers.onNow(payload);
      else this.invalid('river:now', RiverNowSchema, payload);
    });
    this.socket.on('river:event', (payload: unknown) => {
      if (Value.Check(RiverEventViewSchema, payload)) handlers.onEvent(payload);
      else this.invalid('river:event', RiverEventViewSchema, payload);
    });
  }

  /** Closes the connection for good. */
  close(): void {
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }

  private invalid(
    event: string,
    schema: typeof RiverNowSchema | typeof RiverEventViewSchema,
    payload: unknown,
  ): void {
    const first = Value.Errors(schema, payload).First();
    this.handlers.onInvalid?.(event, first ? `${first.path} ${first.message}` : 'invalid');
  }
}
