import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { CityDocument, ReplayCommand, ReplayState, TrafficNow } from '@cbo/contracts';
import { buildSegmentAttributes } from '../map/segment-attributes';
import type { SegmentAttributes } from '../map/segment-attributes';
import { applyTrafficFrame } from '../realtime/apply-traffic-frame';
import { FrameSequencer } from '../realtime/frame-sequencer';
import { ValueStore } from '../realtime/value-store';
import { ReplaySocket } from './replay-socket';

/** What the replay screen gets from its session. */
export interface ReplayBridge {
  segments: SegmentAttributes | null;
  segmentsVersion: ValueStore<number>;
  now: TrafficNow | null;
  state: ReplayState | null;
  error: string | null;
  send: (command: ReplayCommand) => void;
}

/**
 * The replay screen's one entry of pushed data: replayed frames go through the live path (frame sequencer,
 * `applyTrafficFrame` into the binary segment attributes); indices and the session state into value stores.
 * Opens `date` (and re-opens it after a reconnect at the last position).
 */
export function useReplayBridge(city: CityDocument, date: string | null): ReplayBridge {
  const [segmentsVersion] = useState(() => new ValueStore(0));
  const [nowStore] = useState(() => new ValueStore<TrafficNow | null>(null));
  const [stateStore] = useState(() => new ValueStore<ReplayState | null>(null));
  const [errorStore] = useState(() => new ValueStore<string | null>(null));
  const socketRef = useRef<ReplaySocket | null>(null);
  const segments = useMemo(() => buildSegmentAttributes(city.segments), [city]);

  useEffect(() => {
    if (!date) return undefined;
    const sequencer = new FrameSequencer(city.segmentsHash, false);
    let lastAt: number | undefined;
    const replay: ReplaySocket = new ReplaySocket({
      onConnect: () => {
        sequencer.reset();
        replay.send(lastAt === undefined ? { type: 'open', date } : { type: 'open', date, at: lastAt });
      },
      onFrame: (frame) => {
        applyTrafficFrame(segments, sequencer, frame);
        segmentsVersion.set(segments.version);
      },
      onIndices: (now) => nowStore.set(now),
      onState: (state) => {
        lastAt = state.at;
        stateStore.set(state);
        errorStore.set(null);
      },
      onError: (message) => errorStore.set(message),
    });
    socketRef.current = replay;
    return () => {
      socketRef.current = null;
      replay.close();
    };
  }, [city, date, segments, segmentsVersion, nowStore, stateStore, errorStore]);

  const now = useSyncExternalStore(nowStore.subscribe, nowStore.get);
  const state = useSyncExternalStore(stateStore.subscribe, stateStore.get);
  const error = useSyncExternalStore(errorStore.subscribe, errorStore.get);
  const send = useCallback((command: ReplayCommand) => socketRef.current?.send(command), []);
  return { segments, segmentsVersion, now, state, error, send };
}
