import type { Socket } from 'socket.io';
import { Value } from '@sinclair/typebox/value';
import { ReplayCommandSchema, type ReplayCommand, type ReplayState } from '@cbo/contracts';
import type { ClientToServerEvents, ServerToClientEvents } from '@cbo/contracts';
import { diffSpeeds, encodeDelta, encodeSnapshot } from '@cbo/wire';
import { toArrayBuffer } from '../realtime/to-array-buffer';
import type { HistoryStore, TimeRange } from './history-store';
import { localDayRange } from './local-day';
import { applyRecordedFrame, recordedNow, seekRecordedState, type RecordedState } from './replay-cursor';

/** Real time between two frames of a playing replay, ms. */
export const REPLAY_STEP_MS = 500;
/** Most recorded frames read per playback step (a 3600x step over 1 Hz ticks is 900). */
const MAX_FRAMES_PER_STEP = 5_000;

type ReplaySocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/** Options of {@link attachReplaySession}. */
export interface ReplaySessionOptions {
  socket: ReplaySocket;
  store: HistoryStore;
  timeZone: string;
  segmentCount: number;
  /** Whether the socket's actor may replay; checked on every command. */
  allowed: () => boolean;
  /** Called when the client starts replaying (the live gateway's room should be left). */
  onOpen?: () => void;
}

/**
 * One socket's replay: a server-side cursor in the record. The client gets what the wall got, re-sequenced
 * for this session: a snapshot after open, seek and step back, then consecutive deltas of what changed
 * (several recorded deltas merged at high speed), each with the recorded indices, through the same wire
 * format and client code as live frames.
 */
export function attachReplaySession({
  socket,
  store,
  timeZone,
  segmentCount,
  allowed,
  onOpen,
}: ReplaySessionOptions): void {
  let day: { date: string; range: TimeRange } | null = null;
  let state: RecordedState | null = null;
  let lastSent = new Uint16Array(0);
  let seq = 0;
  let speed = 1;
  let timer: NodeJS.Timeout | null = null;
  let queue: Promise<void> = Promise.resolve();

  function emitState(): void {
    if (!day || !state) return;
    const replayState: ReplayState = { date: day.date, at: state.cursorAt, playing: timer !== null, speed };
    socket.emit('replay:state', replayState);
  }

  function emitSnapshot(): void {
    if (!state) return;
    lastSent = Uint16Array.from(state.speeds);
    seq += 1;
    const frame = encodeSnapshot({
      seq,
      at: state.cursorAt,
      segmentsHash: state.segmentsHash,
      speeds: lastSent,
    });
    socket.emit('replay:snapshot', toArrayBuffer(frame));
    const now = recordedNow(state);
    if (now) socket.emit('replay:indices', now);
  }

  function emitDelta(): void {
    if (!state) return;
    const changes = diffSpeeds(lastSent, state.speeds);
    seq += 1;
    const frame = encodeDelta({ seq, at: state.cursorAt, segmentsHash: state.segmentsHash, ...changes });
    socket.emit('replay:delta', toArrayBuffer(frame));
    const now = recordedNow(state);
    if (now) socket.emit('replay:indices', now);
  }

  async function seek(at: number): Promise<void> {
    if (!day) return;
    const clamped = Math.min(Math.max(at, day.range.from), day.range.to - 1);
    state = await seekRecordedState(store, clamped, segmentCount);
    emitSnapshot();
  }

  async function advance(): Promise<void> {
    if (!day || !state) return;
    const target = Math.min(state.cursorAt + REPLAY_STEP_MS * speed, day.range.to - 1);
    const frames = await store.framesAfter(state.cursorAt, state.cursorRseq, target, MAX_FRAMES_PER_STEP);
    const resized =
      frames.some((f) => f.kind === 0 && f.frame.length > 0) && state.speeds.length !== lastSent.length;
    for (const record of frames) applyRecordedFrame(state, record);
    state.cursorAt = frames.length === MAX_FRAMES_PER_STEP ? frames[frames.length - 1]!.at : target;
    if (resized || state.speeds.length !== lastSent.length) emitSnapshot();
    else emitDelta();
    if (target >= day.range.to - 1) stop();
  }

  function stop(): void {
    if (timer) clearInterval(timer);
    timer = null;
  }

  async function run(command: ReplayCommand): Promise<void> {
    switch (command.type) {
      case 'open': {
        stop();
        day = { date: command.date, range: localDayRange(command.date, timeZone) };
        onOpen?.();
        await seek(command.at ?? day.range.from);
        break;
      }
      case 'seek':
        await seek(command.at);
        break;
      case 'play':
        speed = command.speed;
        if (!timer && day) {
          timer = setInterval(() => {
            queue = queue.then(advance).then(emitState, () => stop());
          }, REPLAY_STEP_MS);
        }
        break;
      case 'pause':
        stop();
        break;
      case 'step': {
        stop();
        if (!day || !state) break;
        const at = await store.neighbourFrameAt(state.cursorAt, command.direction, day.range);
        if (at !== null) await seek(at);
        break;
      }
      case 'close':
        stop();
        day = null;
        state = null;
        return;
    }
    emitState();
  }

  socket.on('replay:command', (command: unknown) => {
    if (!allowed()) {
      socket.emit('replay:error', {
        code: 'CBO_ERR_FORBIDDEN',
        message: 'replay needs the analyst, officer or admin role',
      });
      return;
    }
    if (!Value.Check(ReplayCommandSchema, command)) {
      const first = Value.Errors(ReplayCommandSchema, command).First();
      socket.emit('replay:error', {
        code: 'CBO_ERR_VALIDATION',
        message: first ? `${first.path} ${first.message}` : 'invalid command',
      });
      return;
    }
    if (command.type !== 'open' && !day) {
      socket.emit('replay:error', { code: 'CBO_ERR_REPLAY_NOT_OPEN', message: 'open a day first' });
      return;
    }
    queue = queue.then(() =>
      run(command).catch((error: unknown) => {
        socket.emit('replay:error', { code: 'CBO_ERR_REPLAY', message: (error as Error).message });
      }),
    );
  });
  socket.on('disconnect', stop);
}
