import type { FastifyInstance } from 'fastify';
import type { LocalDate } from '@cbo/contracts';
import { buildApp } from '../app';
import { loadCity } from '../city/load-city';
import { resolveConfigPath } from '../config';
import { createManualClock } from '../pipeline/clock';
import { localDayRange } from './local-day';
import type { RowCounts } from './history-store';

/** Options of {@link recordDay}. */
export interface RecordDayOptions {
  date: LocalDate;
  /** Parquet archive to write. */
  outPath: string;
  /** Recorded time between ticks, ms (the live server ticks every 1000; fixtures every 60 000 or more). */
  tickMs: number;
  keyframeEveryMs: number;
  seed: number;
  /** Simulated seconds per real second; Infinity runs as fast as the machine can. */
  speed: number;
  /** Keep observations in the archive (large: one per segment per minute). */
  keepObservations: boolean;
  cityDir?: string;
  onProgress?: (doneShare: number) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Records a whole simulated local day of the city, faster than real time: the real app (simulator on, alert
 * engine, recorder) on a manual clock, ticked from local midnight to the next, then the day exported to
 * Parquet. A throw-away in-memory store holds it meanwhile.
 */
export async function recordDay(options: RecordDayOptions): Promise<RowCounts & { ms: number }> {
  const startedAt = performance.now();
  const city = await loadCity(resolveConfigPath(options.cityDir ?? 'fixtures/hangzhou'));
  const range = localDayRange(options.date, city.document.timeZone);
  const clock = createManualClock(range.from);
  const app: FastifyInstance = await buildApp(
    {
      SIM: 'on',
      SIM_SEED: options.seed,
      SIM_BACKFILL: 'off',
      LOG_LEVEL: 'warn',
      DATABASE_PATH: ':memory:',
      // A throw-away in-memory store: its first admin is never used.
      ADMIN_PASSWORD: 'sim-record-unused-admin',
      HISTORY_FIXTURES_DIR: 'off',
      HISTORY_KEYFRAME_MS: options.keyframeEveryMs,
      HISTORY_FLUSH_MS: 60_000,
      HISTORY_RETENTION_DAYS: 0,
    },
    { clock, city },
  );
  try {
    const recorder = app.history.recorder;
    if (!recorder) throw new Error('HISTORY is off');
    const ticks = Math.floor((range.to - range.from) / options.tickMs);
    for (let i = 0; i < ticks; i++) {
      const at = range.from + i * options.tickMs;
      clock.set(at);
      app.pipeline.tickNow(at);
      if (recorder.pending() > 200_000) await recorder.flush();
      if (i % 60 === 0) options.onProgress?.(i / ticks);
      if (Number.isFinite(options.speed)) await sleep(options.tickMs / options.speed);
    }
    await recorder.flush();
    if (!options.keepObservations) {
      await app.store.run('DELETE FROM history_observations');
    }
    const counts = await app.history.store.exportParquet(range, options.outPath);
    return { ...counts, ms: performance.now() - startedAt };
  } finally {
    await app.close();
  }
}
