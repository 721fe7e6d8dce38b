import type { FastifyBaseLogger } from 'fastify';
import type { TickResult, TrafficPipeline } from '../pipeline/traffic-pipeline';
import type { AcceptedObservations } from '../ingest/ingest-service';
import type { EventRecord, FrameRecord, HistoryStore, ObservationColumns } from './history-store';

/** Options of {@link createRecorder}. */
export interface RecorderOptions {
  store: HistoryStore;
  pipeline: Pick<TrafficPipeline, 'onTick' | 'snapshotFrame'>;
  /** Keyframe (snapshot) interval of recorded time, ms; a keyframe also starts every recording run. */
  keyframeEveryMs: number;
  /** Buffered observations that trigger a flush without waiting for the timer. */
  flushAtObservations?: number;
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

function emptyColumns(): ObservationColumns {
  return {
    rseq: [],
    segmentIndex: [],
    observedAt: [],
    receivedAt: [],
    speedKmh: [],
    flowVph: [],
    source: [],
  };
}

/**
 * Creates the recorder and subscribes it to the pipeline's ticks: every tick's delta frame (the bytes the
 * wall got) and, every `keyframeEveryMs` of recorded time and on the first tick, a keyframe snapshot with the
 * same wire sequence number. Writing happens only in {@link Recorder.flush} (a timer of the caller).
 */
export function createRecorder({
  store,
  pipeline,
  keyframeEveryMs,
  flushAtObservations = 50_000,
  log,
}: RecorderOptions): Recorder {
  let next = { frames: 1, observations: 1, events: 1 };
  let frames: FrameRecord[] = [];
  let observations = emptyColumns();
  let events: EventRecord[] = [];
  let lastKeyframeAt = Number.NEGATIVE_INFINITY;
  let chain: Promise<void> = Promise.resolve();
  let flushRequested = false;
  const written = { frames: 0, observations: 0, events: 0 };

  function onTick(result: TickResult): void {
    const { now } = result;
    const base = { seq: result.seq, at: now.computedAt, tti: now.network.tti, tpi: now.network.tpi, now };
    frames.push({ ...base, rseq: next.frames++, kind: 1, frame: result.deltaFrame });
    if (now.computedAt - lastKeyframeAt >= keyframeEveryMs || now.computedAt < lastKeyframeAt) {
      lastKeyframeAt = now.computedAt;
      frames.push({ ...base, rseq: next.frames++, kind: 0, frame: pipeline.snapshotFrame() });
    }
  }
  const unsubscribe = pipeline.onTick(onTick);

  async function writeBuffers(): Promise<void> {
    const f = frames;
    const o = observations;
    const e = events;
    frames = [];
    observations = emptyColumns();
    events = [];
    await store.appendFrames(f);
    await store.appendObservations(o);
    await store.appendEvents(e);
    written.frames += f.length;
    written.observations += o.rseq.length;
    written.events += e.length;
  }

  const recorder: Recorder = {
    async open() {
      next = await store.nextSequences();
    },
    recordObservations(batch) {
      const c = observations;
      for (let i = 0; i < batch.segmentIndex.length; i++) {
        c.rseq.push(next.observations++);
        c.segmentIndex.push(batch.segmentIndex[i]!);
        c.observedAt.push(batch.observedAt[i]!);
        c.receivedAt.push(batch.receivedAt);
        c.speedKmh.push(batch.speedKmh[i]!);
        c.flowVph.push(batch.flowVph[i]!);
        c.source.push(batch.source);
      }
      if (c.rseq.length >= flushAtObservations && !flushRequested) {
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
    pending: () => frames.length + observations.rseq.length + events.length,
    written: () => ({ ...written }),
    detach: unsubscribe,
  };
  return recorder;
}
