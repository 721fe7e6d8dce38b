import type { City } from '@cbo/city';
import { SPEED_UNKNOWN, type TrafficNow, type TtiPoint, type TtiSeries } from '@cbo/contracts';
import { computeTrafficIndices, createSegmentState, isFresh, type SegmentState } from '@cbo/indices';
import { diffSpeeds, encodeDelta, encodeSnapshot, quantizeSpeed } from '@cbo/wire';
import type { Clock } from './clock';
import { createTtiSeriesRecorder } from './tti-series';

/** What one tick produced: the indices and the binary delta of speeds that changed since the last tick. */
export interface TickResult {
  now: TrafficNow;
  /** Encoded by `encodeDelta`; its sequence number is `seq`. */
  deltaFrame: Uint8Array;
  seq: number;
  changedCount: number;
}

/** Drives the traffic pipeline: segment state -> indices, series and wire frames, once per tick. */
export interface TrafficPipeline {
  readonly city: City;
  /** Newest reading per segment; the ingest service writes it. */
  readonly state: SegmentState;
  readonly clock: Clock;
  /** Runs one tick at `at` (default: the clock's now); timers call it, tests call it by hand. */
  tickNow(at?: number): TickResult;
  /** Indices of the last tick; before the first tick, computed now (tick 0). */
  latest(): TrafficNow;
  /** Network TTI per minute since local midnight. */
  series(): TtiSeries;
  /** Adds points computed elsewhere (a backfill of the day so far) to the series, oldest first. */
  backfillSeries(points: readonly TtiPoint[]): void;
  /**
   * Snapshot frame of what the last delta left clients with: same sequence number, so the next delta follows.
   * Encoded at most once per tick.
   */
  snapshotFrame(): Uint8Array;
  /** Runs `hook(at)` at the start of every tick, before the indices (feeds that produce per tick: the simulator). */
  beforeTick(hook: (at: number) => void): void;
  /** Calls `listener` after every tick; returns a function that unsubscribes. */
  onTick(listener: (result: TickResult) => void): () => void;
  /** Starts ticking every `tickMs` of the clock's timers; a tick that throws goes to `onError`, ticking goes on. */
  start(onError: (error: unknown) => void): void;
  stop(): void;
}

export interface TrafficPipelineOptions {
  city: City;
  clock: Clock;
  tickMs: number;
  freshForMs: number;
}

/**
 * Creates the pipeline. The maths lives in `@cbo/indices` and `@cbo/wire`; this only orchestrates. A segment
 * whose newest reading is not fresh at the tick goes on the wire as `SPEED_UNKNOWN`.
 */
export function createTrafficPipeline({
  city,
  clock,
  tickMs,
  freshForMs,
}: TrafficPipelineOptions): TrafficPipeline {
  const state = createSegmentState(city.segmentCount);
  const segmentsHash = city.document.segmentsHash;
  const lastSent = new Uint16Array(city.segmentCount).fill(SPEED_UNKNOWN);
  const current = new Uint16Array(city.segmentCount);
  const series = createTtiSeriesRecorder(city.document.timeZone);
  const hooks: ((at: number) => void)[] = [];
  const listeners = new Set<(result: TickResult) => void>();
  let tick = 0;
  let seq = 0;
  let lastTickAt = 0;
  let latest: TrafficNow | null = null;
  let stopTimer: (() => void) | null = null;
  /** Snapshot of the current `seq`, shared by every client that asks before the next tick. */
  let snapshot: { seq: number; frame: Uint8Array } | null = null;

  function computeNow(at: number, tickNumber: number): TrafficNow {
    const { network, districts } = computeTrafficIndices(city, state, at, { freshForMs });
    return { computedAt: at, tick: tickNumber, network, districts };
  }

  function quantizeFresh(at: number): void {
    const { observedAt, speedKmh } = state;
    for (let i = 0; i < current.length; i++) {
      current[i] = isFresh(observedAt[i]!, at, freshForMs) ? quantizeSpeed(speedKmh[i]!) : SPEED_UNKNOWN;
    }
  }

  const pipeline: TrafficPipeline = {
    city,
    state,
    clock,
    tickNow(at = clock.now()) {
      for (const hook of hooks) hook(at);
      tick++;
      seq++;
      lastTickAt = at;
      latest = computeNow(at, tick);
      series.record(at, latest.network.tti);
      quantizeFresh(at);
      const changes = diffSpeeds(lastSent, current);
      const deltaFrame = encodeDelta({
        seq,
        at,
        segmentsHash,
        indices: changes.indices,
        speeds: changes.speeds,
      });
      const result: TickResult = { now: latest, deltaFrame, seq, changedCount: changes.indices.length };
      for (const listener of listeners) listener(result);
      return result;
    },
    latest: () => latest ?? computeNow(clock.now(), 0),
    series: () => series.read(),
    backfillSeries(points) {
      for (const point of points) series.record(point.at, point.tti);
    },
    snapshotFrame() {
      if (snapshot?.seq !== seq) {
        const frame = encodeSnapshot({ seq, at: lastTickAt || clock.now(), segmentsHash, speeds: lastSent });
        snapshot = { seq, frame };
      }
      return snapshot.frame;
    },
    beforeTick(hook) {
      hooks.push(hook);
    },
    onTick(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start(onError) {
      stopTimer ??= clock.every(tickMs, () => {
        try {
          pipeline.tickNow();
        } catch (error) {
          onError(error);
        }
      });
    },
    stop() {
      stopTimer?.();
      stopTimer = null;
    },
  };
  return pipeline;
}
