import fp from 'fastify-plugin';
import { ReplayCommandSchema, type HistoryProblem } from '@cbo/contracts';
import { resolveConfigPath } from '../config';
import { createDuckDbHistoryStore } from '../history/duckdb-history-store';
import { importFixtureDays } from '../history/fixture-days';
import type { HistoryStore, TimeRange } from '../history/history-store';
import { createRecorder, type Recorder } from '../history/recorder';
import { createObservationSpool } from '../history/observation-spool';
import { attachReplaySession } from '../history/replay-session';
import { subscribeRecorderToOps } from '../history/subscribe-ops';
import { pruneHistory } from '../history/prune-history';
import { attachDomainRecorder } from '../history/domain-minutes';

declare module 'fastify' {
  interface FastifyInstance {
    /** The history store, its recorder (null with HISTORY=off) and what start-up could not read. */
    history: {
      store: HistoryStore;
      recorder: Recorder | null;
      timeZone: string;
      problems: HistoryProblem[];
      /** Day archives shipped in fixtures: kept by retention. */
      pinned: TimeRange[];
    };
  }
}

const HOUR_MS = 3_600_000;
/** Roles that may replay, compare, backtest and export. */
export const HISTORY_ROLES = ['analyst', 'officer', 'admin'] as const;

/**
 * The history store on the app's DuckDB, the fixture days imported when missing, the recorder subscribed to
 * ticks, ingest and alert/case events (flushed every HISTORY_FLUSH_MS), retention hourly, and a replay session
 * per socket.
 */
export const historyPlugin = fp(
  async (app) => {
    const { config } = app;
    const log = app.log.child({ module: 'history' });
    const store = createDuckDbHistoryStore(app.store);
    const timeZone = app.city.document.timeZone;
    const history = {
      store,
      recorder: null as Recorder | null,
      timeZone,
      problems: [] as HistoryProblem[],
      pinned: [] as TimeRange[],
    };
    if (config.HISTORY_FIXTURES_DIR !== 'off') {
      const fixtures = await importFixtureDays(store, resolveConfigPath(config.HISTORY_FIXTURES_DIR));
      history.problems.push(...fixtures.problems);
      history.pinned = fixtures.ranges;
      for (const problem of fixtures.problems) log.warn(problem, 'history archive skipped');
      if (fixtures.imported.length > 0)
        log.info({ imported: fixtures.imported }, 'history fixture days imported');
    }
    app.decorate('history', history);

    if (config.HISTORY === 'on') {
      // Observations are turned into CSV on a worker thread and bulk-loaded: ingest keeps its event loop.
      const spool = await createObservationSpool();
      const recorder = createRecorder({
        store,
        pipeline: app.pipeline,
        keyframeEveryMs: config.HISTORY_KEYFRAME_MS,
        spool,
        log,
      });
      await recorder.open();
      history.recorder = recorder;
      const unsubscribeIngest = app.ingest.onAccepted((batch) => recorder.recordObservations(batch));
      const unsubscribeOps = subscribeRecorderToOps(app, recorder);
      const river = app.hasDecorator('river') ? app.river : null;
      const bikes = app.hasDecorator('bikes') ? app.bikes : null;
      const unsubscribeDomains = attachDomainRecorder({
        pipeline: app.pipeline,
        recorder,
        river: river
          ? (at) => {
              const latest = river.latest();
              return latest.computedAt === at ? latest : river.tick(at);
            }
          : undefined,
        bikes: bikes ? (at) => bikes.service.now(at) : undefined,
      });
      const flush = () =>
        recorder.flush().catch((error: unknown) => log.error({ err: error }, 'history flush failed'));
      const flushTimer = setInterval(flush, config.HISTORY_FLUSH_MS);
      flushTimer.unref();
      const prune = () =>
        pruneHistory(
          store,
          app.pipeline.clock.now(),
          config.HISTORY_RETENTION_DAYS,
          timeZone,
          history.pinned,
        ).catch((error: unknown) => log.error({ err: error }, 'history retention failed'));
      const pruneTimer = setInterval(prune, HOUR_MS);
      pruneTimer.unref();
      app.addHook('onReady', async () => void prune());
      app.addHook('onClose', async () => {
        clearInterval(flushTimer);
        clearInterval(pruneTimer);
        recorder.detach();
        unsubscribeIngest();
        unsubscribeOps();
        unsubscribeDomains();
        await flush();
        await spool.close();
      });
    }

    if (app.hasDecorator('socketAccess')) {
      app.socketAccess.declare('replay:command', { roles: HISTORY_ROLES, args: [ReplayCommandSchema] });
    }
    app.io.on('connection', (socket) => {
      const actor = (socket.data as { actor?: { role?: string } } | undefined)?.actor;
      attachReplaySession({
        socket,
        store,
        timeZone,
        segmentCount: app.city.segmentCount,
        allowed: () => HISTORY_ROLES.some((role) => role === actor?.role),
        onOpen: () => void socket.leave('traffic'),
      });
    });
  },
  {
    name: 'cbo-history',
    dependencies: ['cbo-config', 'cbo-store', 'cbo-city', 'cbo-pipeline', 'cbo-ingest', 'cbo-socket'],
  },
);
