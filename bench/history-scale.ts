import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { City } from '@cbo/city';
import { buildApp, createManualClock, createRecorder, seekRecordedState } from '@cbo/server';

/** What the history bench measured. */
export interface HistoryScale {
  recorderObservationsPerSec: number;
  liveObservationsPerSec: number;
  /** Bytes of the store after recording `recordedHours` of the default city at 1 Hz ticks, scaled to 24 h. */
  dayBytes: number;
  recordedHours: number;
  /** Bytes of the tick indices stored per delta frame (full JSON where stored, else the per-frame values). */
  indicesBytesPerTick: number;
  hourLoadMs: number;
  seekMsP50: number;
  seekMsMax: number;
  seeks: number;
}

const HOUR_MS = 3_600_000;
/** The simulator reports every segment once a minute. */
const REPORT_EVERY_MS = 60_000;

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
}

/** Recorder throughput: batches of one report cycle of `bigCity` through the recorder into a DuckDB file. */
async function measureRecorder(bigCity: City, dir: string): Promise<number> {
  const app = await buildApp(
    {
      SIM: 'off',
      LOG_LEVEL: 'warn',
      DATABASE_PATH: join(dir, 'recorder.duckdb'),
      HISTORY: 'off',
      HISTORY_FIXTURES_DIR: 'off',
      ADMIN_PASSWORD: 'bench-unused-admin',
    },
    { clock: createManualClock(Date.UTC(2026, 0, 14, 0)), city: bigCity },
  );
  try {
    const recorder = createRecorder({
      store: app.history.store,
      pipeline: app.pipeline,
      keyframeEveryMs: 300_000,
    });
    await recorder.open();
    const n = bigCity.segmentCount;
    const batch = {
      source: 'bench',
      receivedAt: 0,
      segmentIndex: Array.from({ length: n }, (_, i) => i),
      observedAt: Array.from({ length: n }, (_, i) => Date.UTC(2026, 0, 14, 0) + i),
      speedKmh: Array.from({ length: n }, (_, i) => 20 + (i % 40)),
      flowVph: Array.from({ length: n }, () => Number.NaN),
    };
    const cycles = 10;
    const startedAt = performance.now();
    for (let c = 0; c < cycles; c++) {
      recorder.recordObservations(batch);
      await recorder.flush();
    }
    return (cycles * n) / ((performance.now() - startedAt) / 1000);
  } finally {
    await app.close();
  }
}

/** Records `hours` of the default city (simulator, 1 Hz ticks) into a DuckDB file; then loads, seeks, sizes. */
async function measureDay(city: City, dir: string, hours: number) {
  const path = join(dir, 'day.duckdb');
  const from = Date.UTC(2026, 0, 14, 0); // 08:00 in Hangzhou: the morning peak
  const clock = createManualClock(from);
  const app = await buildApp(
    {
      SIM: 'on',
      SIM_BACKFILL: 'off',
      LOG_LEVEL: 'warn',
      DATABASE_PATH: path,
      HISTORY_FIXTURES_DIR: 'off',
      HISTORY_FLUSH_MS: 60_000,
      ADMIN_PASSWORD: 'bench-unused-admin',
    },
    { clock, city },
  );
  try {
    const to = from + hours * HOUR_MS;
    for (let at = from; at < to; at += 1000) {
      clock.set(at);
      app.pipeline.tickNow(at);
      if (at % 60_000 === 0) await app.history.recorder!.flush();
    }
    await app.history.recorder!.flush();
    await app.store.run('CHECKPOINT');
    const bytes = (await stat(path)).size;
    const [indices] = await app.store.all(
      `SELECT (coalesce(sum(length(now_json)), 0) + coalesce(sum(octet_length(now_values)), 0)) / count(*) AS b
       FROM history_frames WHERE kind = 1`,
    );
    const loadStart = performance.now();
    await app.history.store.framesAfter(from, -1, from + HOUR_MS);
    await app.history.store.observations({ from, to: from + HOUR_MS });
    const hourLoadMs = performance.now() - loadStart;
    const seekMs: number[] = [];
    for (let i = 0; i < 40; i++) {
      const at = from + Math.floor((((i * 7919) % 1000) / 1000) * (to - from));
      const started = performance.now();
      await seekRecordedState(app.history.store, at, city.segmentCount);
      seekMs.push(performance.now() - started);
    }
    return {
      dayBytes: (bytes * 24) / hours,
      indicesBytesPerTick: Number(indices?.['b'] ?? 0),
      hourLoadMs,
      seekMsP50: percentile(seekMs, 0.5),
      seekMsMax: Math.max(...seekMs),
      seeks: seekMs.length,
    };
  } finally {
    await app.close();
  }
}

/** The history figures of `pnpm bench`. */
export async function measureHistoryScale(city: City, bigCity: City, hours = 1): Promise<HistoryScale> {
  const dir = await mkdtemp(join(tmpdir(), 'cbo-bench-history-'));
  try {
    const recorderObservationsPerSec = await measureRecorder(bigCity, dir);
    const day = await measureDay(city, dir, hours);
    return {
      recorderObservationsPerSec,
      liveObservationsPerSec: bigCity.segmentCount / (REPORT_EVERY_MS / 1000),
      recordedHours: hours,
      ...day,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
