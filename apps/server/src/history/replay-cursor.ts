import { SPEED_UNKNOWN } from '@cbo/contracts';
import type { TrafficNow } from '@cbo/contracts';
import { decodeFrame } from '@cbo/wire';
import type { FrameRecord, HistoryStore } from './history-store';
import { rebaseIndices } from './indices-key';

/** How far back a seek looks for a keyframe: a recording with no keyframe for this long is not replayable. */
export const KEYFRAME_LOOKBACK_MS = 36 * 3_600_000;

/** Recorded segment state at a position of the record: the speeds the wall showed and its indices. */
export interface RecordedState {
  /** Time of the last frame applied (or of the keyframe), epoch ms; null when nothing is recorded before. */
  frameAt: number | null;
  /** Position in the record: (at, rseq) of the last frame applied. */
  cursorAt: number;
  cursorRseq: number;
  segmentsHash: number;
  /** Quantised speeds per segment (wire units), as the client held them after that frame. */
  speeds: Uint16Array;
  /** The last frame applied. */
  nowRecord: FrameRecord | null;
  /** The last frame applied that stored its indices (parsed only when read). */
  nowBase: FrameRecord | null;
}

/**
 * Recorded indices at the state's position, or null: those of the last frame applied, rebuilt from the last
 * stored ones when that frame did not store them (see `indices-key.ts`).
 */
export function recordedNow(state: RecordedState): TrafficNow | null {
  const { nowRecord: record, nowBase: base } = state;
  if (!record || !base) return null;
  if (record === base) return record.now;
  const now = base.now;
  return now && rebaseIndices(now, base.at, base.seq, record.at, record.seq, record.values);
}

/** Applies one recorded frame (keyframe: replaces every speed; delta: the listed ones) to a state. */
export function applyRecordedFrame(state: RecordedState, record: FrameRecord): void {
  const frame = decodeFrame(record.frame);
  if (frame.kind === 0) {
    if (state.speeds.length !== frame.speeds.length) state.speeds = new Uint16Array(frame.speeds.length);
    state.speeds.set(frame.speeds);
  } else {
    for (let k = 0; k < frame.indices.length; k++) {
      const index = frame.indices[k]!;
      if (index < state.speeds.length) state.speeds[index] = frame.speeds[k]!;
    }
  }
  state.segmentsHash = frame.segmentsHash;
  state.frameAt = record.at;
  state.cursorAt = record.at;
  state.cursorRseq = record.rseq;
  state.nowRecord = record;
  if (record.hasNow ?? record.now !== null) state.nowBase = record;
}

/**
 * The recorded state at `at`: the newest keyframe at or before it plus every frame after it up to `at`.
 * @param segmentCount - segments of the city (size of the state when nothing is recorded)
 */
export async function seekRecordedState(
  store: HistoryStore,
  at: number,
  segmentCount: number,
): Promise<RecordedState> {
  const keyframe = await store.keyframeAtOrBefore(at, KEYFRAME_LOOKBACK_MS);
  const state: RecordedState = {
    frameAt: null,
    cursorAt: at,
    cursorRseq: Number.MAX_SAFE_INTEGER,
    segmentsHash: 0,
    speeds: new Uint16Array(segmentCount).fill(SPEED_UNKNOWN),
    nowRecord: null,
    nowBase: null,
  };
  if (!keyframe) return state;
  applyRecordedFrame(state, keyframe);
  for (const record of await store.framesAfter(keyframe.at, keyframe.rseq, at)) {
    applyRecordedFrame(state, record);
  }
  state.cursorAt = at;
  return state;
}
