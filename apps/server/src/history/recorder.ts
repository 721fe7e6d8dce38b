import type { FastifyBaseLogger } from 'fastify';
import type { TickResult, TrafficPipeline } from '../pipeline/traffic-pipeline';
import type { AcceptedObservations } from '../ingest/ingest-service';
import type { EventRecord, FrameRecord, HistoryStore, ObservationColumns } from './history-store';
import {
  bufferObservations,
  createObservationBuffer,
  type ObservationBuffer,
  type ObservationSpool,
} from './observation-spool';
import { encodeIndexValues, indicesKey } from './indices-key';

/** Options of {@link createRecorder}. */
export interface RecorderOptions {
  store: HistoryStore;
  pipeline: Pick<TrafficPipeline, 'onTick' | 'snapshotFrame'>;
  /** Keyframe (snapshot) interval of recorded time, ms; a keyframe also starts every recording run. */
  keyframeEveryMs: number;
  /** Buffered observations that trigger a flush without waiting for the timer. */
  flushAtObservations?: number;
  /**
   * Writes observation batches as CSV on a worker thread for the store's bulk load (`appendObservationsCsv`),
   * so the event loop only copies readings into typed arrays. Without it (or without that store method)
   * observations go through `appendObservations`.
   */
  spool?: ObservationSpool;
  log?: FastifyBaseLogger;
}

/** Writes what changed the screens into the history store, batched, off the tick's path. */
export interface Recorder {
  /** Reads the next sequence numbers from the store; call once before recording. */
  open(): Promise<void>;
  /** Ingest hook: buffers accepted observations. */
  recordObservations(batch: AcceptedObservations): void;
  /** Buffers an alert, case or operator event. */
  recordEvent(stream: string, kind: string, at: number, payload: unknown): void;
  /** Writes everything buffered (one Appender batch per table). Concurrent calls queue. */
  flush(): Promise<void>;
  /** Rows waiting in the buffers. */
  pending(): number;
  /** Frames, observations and events written so far. */
  written(): { frames: number; observations: number; events: number };
  /** Stops listening to the pipeline. */
  detach(): void;
}

function toColumns(b: ObservationBuffer): ObservationColumns {
  const n = b.count;
  return {
    rseq: Array.from(b.rseq.subarray(0, n)),
    segmentIndex: Array.from(b.segmentIndex.subarray(0, n)),
    observedAt: Array.from(b.observedAt.subarray(0, n)),
    receivedAt: Array.from(b.receivedAt.subarray(0, n)),
    speedKmh: Array.from(b.speedKmh.subarray(0, n)),
    flowVph: Array.from(b.flowVph.subarray(0, n)),
    source: Array.from(b.sourceId.subarray(0, n), (id) => b.sources[id]!),
  };
}

/**
 * Creates the recorder and subscribes it to the pipeline's ticks: every tick's delta frame (the bytes the
 * wall got) and, every `keyframeEveryMs` of recorded time and on the first tick, a keyframe snapshot with the
 * same wire sequence number. A delta frame stores the tick's indices in full only when they changed beyond the
 * tick number, time, input ages and the per-area values that move every tick; otherwise only those values. Writing happens only in {@link Recorder.flush} (a timer of the caller).
 */
export function createRecorder({
  store,
  pipeline,
  keyframeEveryMs,
  flushAtObservations = 50_000,
  spool,
  log,
}: RecorderOptions): Recorder {
  let next = { frames: 1, observations: 1, events: 1 };
  let frames: FrameRecord[] = [];
  let observations = createObservationBuffer();
  let events: EventRecord[] = [];
  let lastKeyframeAt = Number.NEGATIVE_INFINITY;
  let lastIndicesKey = '';
  let chain: Promise<void> = Promise.resolve();
  let flushRequested = false;
  const written = { frames: 0, observations: 0, events: 0 };

  function onTick(result: TickResult): void {
    const { now } = result;
    const base = { seq: result.seq, at: now.computedAt, tti: now.network.tti, tpi: now.network.tpi, now };
    // Indices in full only when more changed than replay derives or the per-frame values hold (ADR 0015).
    const key = indicesKey(now, result.seq, now.computedAt);
    const stored =
      key !== lastIndicesKey ? { now, values: null } : { now: null, values: encodeIndexValues(now) };
    lastIndicesKey = key;
    frames.push({
      ...base,
      ...stored,
      rseq: next.frames++,
      kind: 1,
      frame: result.deltaFrame,
    });
    if (now.computedAt - lastKeyframeAt >= keyframeEveryMs || now.computedAt < lastKeyframeAt) {
      lastKeyframeAt = now.computedAt;
      frames.push({ ...base, values: null, rseq: next.frames++, kind: 0, frame: pipeline.snapshotFrame() });
    }
  }
  const unsubscribe = pipeline.onTick(onTick);

  async function writeBuffers(): Promise<void> {
    const f = frames;
    const o = observations;
    const e = events;
    frames = [];
    observations = createObservationBuffer();
    events = [];
    await store.appendFrames(f);
    if (o.count > 0 && spool && store.appendObservationsCsv) {
      const path = await spool.write(o);
      try {
        await store.appendObservationsCsv(path);
      } finally {
        await spool.remove(path);
      }
    } else if (o.count > 0) {
      await store.appendObservations(toColumns(o));
    }
    await store.appendEvents(e);
    written.frames += f.length;
    written.observations += o.count;
    written.events += e.length;
  }

  const recorder: Recorder = {
    async open() {
      next = await store.nextSequences();
    },
    recordObservations(batch) {
      next.observations = bufferObservations(observations, batch, next.observations);
      if (observations.count >= flushAtObservations && !flushRequested) {
        flushRequested = true;
        setImmediate(() => {
          flushRequested = false;
          recorder.flush().catch((error: unknown) => log?.error({ err: error }, 'history flush failed'));
        });
      }
    },
    recordEvent(stream, kind, at, payload) {
      events.push({ seq: next.events++, at, stream, kind, payload });
    },
    flush() {
      chain = chain.then(writeBuffers, writeBuffers);
      return chain;
    },
    pending: () => frames.length + observations.count + events.length,
    written: () => ({ ...written }),
    detach: unsubscribe,
  };
  return recorder;
}
