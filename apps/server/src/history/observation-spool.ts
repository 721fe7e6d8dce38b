import { Worker } from 'node:worker_threads';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AcceptedObservations } from '../ingest/ingest-service';

/** Observations buffered in typed columns (what the ingest hook adds costs a few typed-array stores a reading). */
export interface ObservationBuffer {
  count: number;
  rseq: Float64Array;
  segmentIndex: Int32Array;
  observedAt: Float64Array;
  receivedAt: Float64Array;
  speedKmh: Float32Array;
  /** NaN: no flow. */
  flowVph: Float32Array;
  sourceId: Uint16Array;
  sources: string[];
}

/** An empty buffer with room for `capacity` readings (it grows by doubling). */
export function createObservationBuffer(capacity = 4096): ObservationBuffer {
  return {
    count: 0,
    rseq: new Float64Array(capacity),
    segmentIndex: new Int32Array(capacity),
    observedAt: new Float64Array(capacity),
    receivedAt: new Float64Array(capacity),
    speedKmh: new Float32Array(capacity),
    flowVph: new Float32Array(capacity),
    sourceId: new Uint16Array(capacity),
    sources: [],
  };
}

function grow<T extends Float64Array | Int32Array | Float32Array | Uint16Array>(array: T, size: number): T {
  const next = new (array.constructor as new (n: number) => T)(size);
  next.set(array);
  return next;
}

/** Appends an ingest batch to the buffer, numbering readings from `firstRseq`; returns the next free number. */
export function bufferObservations(
  buffer: ObservationBuffer,
  batch: AcceptedObservations,
  firstRseq: number,
): number {
  const n = batch.segmentIndex.length;
  if (buffer.count + n > buffer.rseq.length) {
    const size = Math.max(buffer.rseq.length * 2, buffer.count + n);
    buffer.rseq = grow(buffer.rseq, size);
    buffer.segmentIndex = grow(buffer.segmentIndex, size);
    buffer.observedAt = grow(buffer.observedAt, size);
    buffer.receivedAt = grow(buffer.receivedAt, size);
    buffer.speedKmh = grow(buffer.speedKmh, size);
    buffer.flowVph = grow(buffer.flowVph, size);
    buffer.sourceId = grow(buffer.sourceId, size);
  }
  let sourceId = buffer.sources.indexOf(batch.source);
  if (sourceId < 0) sourceId = buffer.sources.push(batch.source) - 1;
  let rseq = firstRseq;
  for (let i = 0; i < n; i++) {
    const k = buffer.count + i;
    buffer.rseq[k] = rseq++;
    buffer.segmentIndex[k] = batch.segmentIndex[i]!;
    buffer.observedAt[k] = batch.observedAt[i]!;
    buffer.receivedAt[k] = batch.receivedAt;
    buffer.speedKmh[k] = batch.speedKmh[i]!;
    buffer.flowVph[k] = batch.flowVph[i]!;
    buffer.sourceId[k] = sourceId;
  }
  buffer.count += n;
  return rseq;
}

/** The worker: writes a buffer as CSV rows of `history_observations` (plain JS, so no loader is needed). */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { writeFileSync } = require('node:fs');
const quote = (s) => '"' + s.replaceAll('"', '""') + '"';
parentPort.on('message', ({ id, path, b }) => {
  try {
    const sources = b.sources.map(quote);
    const lines = new Array(b.count);
    for (let i = 0; i < b.count; i++) {
      const flow = b.flowVph[i];
      lines[i] = b.rseq[i] + ',' + b.segmentIndex[i] + ',' + b.observedAt[i] + ',' + b.receivedAt[i] + ',' +
        b.speedKmh[i] + ',' + (Number.isNaN(flow) ? '' : flow) + ',' + sources[b.sourceId[i]];
    }
    writeFileSync(path, lines.join('\\n') + '\\n');
    parentPort.postMessage({ id });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error) });
  }
});`;

/** Turns observation buffers into CSV files on a worker thread, off the event loop. */
export interface ObservationSpool {
  /** Hands the buffer over (its arrays are transferred, not copied) and resolves with the CSV file's path. */
  write(buffer: ObservationBuffer): Promise<string>;
  /** Removes a written file. */
  remove(path: string): Promise<void>;
  close(): Promise<void>;
}

/** Starts the spool's worker and its temporary folder. */
export async function createObservationSpool(): Promise<ObservationSpool> {
  const dir = await mkdtemp(join(tmpdir(), 'cbo-history-spool-'));
  const worker = new Worker(WORKER_SOURCE, { eval: true });
  worker.unref();
  const waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  worker.on('message', ({ id, error }: { id: number; error?: string }) => {
    const entry = waiting.get(id);
    waiting.delete(id);
    if (error) entry?.reject(new Error(error));
    else entry?.resolve();
  });
  let next = 0;
  return {
    write(b) {
      const id = ++next;
      const path = join(dir, `observations-${id}.csv`);
      const columns = [b.rseq, b.segmentIndex, b.observedAt, b.receivedAt, b.speedKmh, b.flowVph, b.sourceId];
      return new Promise<string>((resolve, reject) => {
        waiting.set(id, { resolve: () => resolve(path), reject });
        worker.postMessage(
          { id, path, b },
          columns.map((c) => c.buffer as ArrayBuffer),
        );
      });
    },
    remove: (path) => rm(path, { force: true }),
    async close() {
      await worker.terminate();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
