import { afterEach, describe, expect, it } from 'vitest';
import { SPEED_UNKNOWN } from '@cbo/contracts';
import { decodeFrame } from '@cbo/wire';
import { createHistoryKit, type HistoryKit } from './history-test-kit';
import { recordedNow, seekRecordedState } from './replay-cursor';
import { createRecorder } from './recorder';
import { createObservationSpool } from './observation-spool';

const T0 = Date.UTC(2026, 0, 15, 2, 0, 0);
const kits: HistoryKit[] = [];

async function kit(keyframeEveryMs = 3_000): Promise<HistoryKit> {
  const k = await createHistoryKit(keyframeEveryMs, T0);
  kits.push(k);
  return k;
}

afterEach(async () => {
  for (const k of kits.splice(0)) await k.db.close();
});

describe('the recorder', () => {
  it('stores the delta frames of every tick byte for byte, in order', async () => {
    const k = await kit();
    const sent = [
      k.tickWith(T0, [[0, 40]]).deltaFrame,
      k.tickWith(T0 + 1000, [[1, 12]]).deltaFrame,
      k.tickWith(T0 + 2000, [[0, 25]]).deltaFrame,
    ];
    await k.recorder.flush();
    const deltas = (await k.store.framesAfter(0, 0, T0 + 10_000)).filter((f) => f.kind === 1);
    expect(deltas.map((f) => Array.from(f.frame))).toEqual(sent.map((bytes) => Array.from(bytes)));
  });

  it('writes a keyframe on the first tick and then every keyframe interval', async () => {
    const k = await kit(3_000);
    for (let s = 0; s < 7; s++) k.tickWith(T0 + s * 1000, [[0, 30 + s]]);
    await k.recorder.flush();
    const keyframes = (await k.store.framesAfter(0, 0, T0 + 10_000)).filter((f) => f.kind === 0);
    expect(keyframes.map((f) => f.at - T0)).toEqual([0, 3000, 6000]);
  });

  it('replays the state the wall held after each tick (record, seek, compare)', async () => {
    const k = await kit(3_000);
    const held: number[][] = [];
    for (let s = 0; s < 8; s++) {
      k.tickWith(T0 + s * 1000, [[s % 3, 10 + 7 * s]]);
      held.push(Array.from(decodeFrame(k.pipeline.snapshotFrame()).speeds));
    }
    await k.recorder.flush();
    for (let s = 0; s < 8; s++) {
      const state = await seekRecordedState(k.store, T0 + s * 1000, k.pipeline.city.segmentCount);
      expect(Array.from(state.speeds)).toEqual(held[s]);
    }
  });

  it('stores indices in full once, then only the moving values, and replays those the wall got', async () => {
    const k = await kit(60_000);
    const sent = [];
    for (let s = 0; s < 6; s++) {
      const readings: [number, number][] = s === 0 || s === 3 ? [[0, 20 + s]] : [];
      sent.push(k.tickWith(T0 + s * 1000, readings).now);
    }
    await k.recorder.flush();
    const deltas = (await k.store.framesAfter(0, 0, T0 + 10_000)).filter((f) => f.kind === 1);
    expect(deltas.map((f) => f.hasNow)).toEqual([true, false, false, false, false, false]);
    for (let s = 0; s < 6; s++) {
      const state = await seekRecordedState(k.store, T0 + s * 1000, k.pipeline.city.segmentCount);
      expect(recordedNow(state)).toEqual(sent[s]);
    }
  });

  it('answers per minute the indices of its last tick, rebuilt where they were not stored', async () => {
    const k = await kit(600_000);
    const sent = [];
    for (let s = 0; s < 3; s++) sent.push(k.tickWith(T0 + s * 30_000, s === 0 ? [[0, 20]] : []).now);
    await k.recorder.flush();
    const minutes = await k.store.nowPerMinute({ from: T0, to: T0 + 120_000 });
    expect(minutes).toEqual([sent[1], sent[2]]);
  });

  it('seeks correctly one ms before, at and after a keyframe', async () => {
    const k = await kit(3_000);
    k.tickWith(T0, [[0, 50]]);
    k.tickWith(T0 + 1000, [[0, 40]]);
    k.tickWith(T0 + 2000, [[0, 30]]);
    k.tickWith(T0 + 3000, [[0, 20]]); // keyframe
    k.tickWith(T0 + 4000, [[0, 10]]);
    await k.recorder.flush();
    const speedAt = async (at: number) =>
      (await seekRecordedState(k.store, at, k.pipeline.city.segmentCount)).speeds[0];
    expect(await speedAt(T0 + 2999)).toBe(300);
    expect(await speedAt(T0 + 3000)).toBe(200);
    expect(await speedAt(T0 + 3001)).toBe(200);
    expect(await speedAt(T0 + 4000)).toBe(100);
  });

  it('knows nothing before the first recorded keyframe', async () => {
    const k = await kit();
    k.tickWith(T0, [[0, 50]]);
    await k.recorder.flush();
    const state = await seekRecordedState(k.store, T0 - 1, k.pipeline.city.segmentCount);
    expect(state.frameAt).toBeNull();
    expect(state.speeds[0]).toBe(SPEED_UNKNOWN);
  });

  it('bulk-loads observations written by the spool exactly as the ingest hook gave them', async () => {
    const k = await kit();
    const spool = await createObservationSpool();
    try {
      const recorder = createRecorder({
        store: k.store,
        pipeline: k.pipeline,
        keyframeEveryMs: 60_000,
        spool,
      });
      await recorder.open();
      recorder.recordObservations({
        source: 'feed "A", east',
        receivedAt: T0 + 5,
        segmentIndex: [3, 7],
        observedAt: [T0, T0 + 1],
        speedKmh: [Math.fround(23.1), 41],
        flowVph: [Number.NaN, 1200],
      });
      await recorder.flush();
      const read = await k.store.observations({ from: T0, to: T0 + 10 });
      expect(
        read.map((o) => [o.segmentIndex, o.observedAt, o.receivedAt, o.speedKmh, o.flowVph, o.source]),
      ).toEqual([
        [3, T0, T0 + 5, Math.fround(23.1), null, 'feed "A", east'],
        [7, T0 + 1, T0 + 5, 41, 1200, 'feed "A", east'],
      ]);
    } finally {
      await spool.close();
    }
  });

  it('numbers frames after those already stored when reopened (a restart)', async () => {
    const k = await kit();
    k.tickWith(T0, [[0, 50]]);
    await k.recorder.flush();
    const next = await k.store.nextSequences();
    expect(next.frames).toBe(3); // delta 1 and keyframe 2 stored
  });
});
