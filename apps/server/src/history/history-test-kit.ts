import { applyObservation } from '@cbo/indices';
import { openDatabase, type Database } from '../store/database';
import { runMigrations } from '../store/migrations';
import { createManualClock } from '../pipeline/clock';
import { createTrafficPipeline, type TrafficPipeline } from '../pipeline/traffic-pipeline';
import { loadTestCity } from '../testing/test-app';
import { createDuckDbHistoryStore } from './duckdb-history-store';
import { HISTORY_MIGRATIONS } from './history-migrations';
import type { HistoryStore } from './history-store';
import { createRecorder, type Recorder } from './recorder';

/** A migrated in-memory history store, a pipeline on a manual clock and a recorder on both (tests only). */
export interface HistoryKit {
  db: Database;
  store: HistoryStore;
  pipeline: TrafficPipeline;
  recorder: Recorder;
  /** Gives segment `index` a reading of `speedKmh` at `at`, then ticks at `at`. Returns the tick. */
  tickWith(
    at: number,
    readings: readonly [index: number, speedKmh: number][],
  ): ReturnType<TrafficPipeline['tickNow']>;
}

/** Builds a {@link HistoryKit}; close `kit.db` after the test. */
export async function createHistoryKit(keyframeEveryMs: number, startAt: number): Promise<HistoryKit> {
  const db = await openDatabase(':memory:');
  await runMigrations(db, HISTORY_MIGRATIONS);
  const store = createDuckDbHistoryStore(db);
  const city = await loadTestCity();
  const pipeline = createTrafficPipeline({
    city,
    clock: createManualClock(startAt),
    tickMs: 1000,
    freshForMs: 300_000,
  });
  const recorder = createRecorder({ store, pipeline, keyframeEveryMs });
  await recorder.open();
  return {
    db,
    store,
    pipeline,
    recorder,
    tickWith(at, readings) {
      for (const [index, speedKmh] of readings) applyObservation(pipeline.state, index, at, speedKmh);
      return pipeline.tickNow(at);
    },
  };
}
