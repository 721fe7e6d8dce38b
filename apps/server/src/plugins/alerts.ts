import fp from 'fastify-plugin';
import { resolveConfigPath } from '../config';
import { createAlertService, type AlertService } from '../alerts/alert-service';
import { createAlertsRepository } from '../alerts/alerts-repository';
import { readRuleFixtures } from '../alerts/read-rule-fixtures';
import { createSegmentMinuteHistory, type SegmentMinuteHistory } from '../alerts/segment-minute-history';
import { createSegmentInputCache, feedInputs, trafficInputs } from '../alerts/traffic-inputs';
import { createCaseService, type CaseService } from '../cases/case-service';
import { createCasesRepository } from '../cases/cases-repository';
import { readUnits } from '../cases/read-units';
import { segmentAdjacency } from '../cases/segment-adjacency';
import { FEED_STALE_AFTER_MS } from '../ingest/feed-health';

declare module 'fastify' {
  interface FastifyInstance {
    /** The live rule engine: `registerInputs(provider)`, `onEvent(listener)`, rules and silences. */
    alerts: AlertService;
    /** Cases from detection to closure: `act(...)`, `onEvent(listener)`. */
    cases: CaseService;
    /** Per-minute speeds of every segment over the last hour, for the case view. */
    segmentHistory: SegmentMinuteHistory;
  }
}

/**
 * Creates the alert and case services from the store and fixtures and drives them from the pipeline's tick:
 * evaluate every rule on the tick's traffic and feed inputs (plus registered providers), turn the alert
 * events into cases, escalate overdue cases.
 */
export const alertsPlugin = fp(
  async (app) => {
    const log = app.log.child({ module: 'alerts' });
    const { RULES_DIR, UNITS_FILE, FRESH_FOR_MS, TICK_MS, SIM_SPEED, ALERT_EVERY_MS } = app.config;
    const clock = app.pipeline.clock;
    const startedAt = clock.now();
    const fixtures = await readRuleFixtures(resolveConfigPath(RULES_DIR));
    for (const bad of fixtures.rejected) log.warn(bad, 'rule fixture left out');
    const alerts = await createAlertService({
      repository: createAlertsRepository(app.store),
      seedRules: fixtures.rules,
      log,
      now: startedAt,
    });
    const cases = await createCaseService({
      repository: createCasesRepository(app.store),
      units: await readUnits(resolveConfigPath(UNITS_FILE)),
      adjacent: segmentAdjacency(app.city),
      log: app.log.child({ module: 'cases' }),
    });
    const segmentHistory = createSegmentMinuteHistory(app.city);
    const silentAfterMs = Math.max(FEED_STALE_AFTER_MS, 2 * TICK_MS * SIM_SPEED);
    let latestTick = app.pipeline.latest();
    const segmentInputs = createSegmentInputCache(app.city.segmentCount);
    alerts.registerInputs(() =>
      trafficInputs(app.city, app.pipeline.state, latestTick, FRESH_FOR_MS, segmentInputs),
    );
    alerts.registerInputs((now) => feedInputs(app.feedHealth.report(now), silentAfterMs, startedAt));

    let lastEvaluatedAt = Number.NEGATIVE_INFINITY;
    const detach = app.pipeline.onTick((result) => {
      const at = result.now.computedAt;
      latestTick = result.now;
      segmentHistory.sample(app.pipeline.state, at, FRESH_FOR_MS);
      // Rules hold for minutes; evaluating every ALERT_EVERY_MS rather than every tick keeps a city-scale rule
      // set off most ticks (0 evaluates on every tick).
      if (at - lastEvaluatedAt < ALERT_EVERY_MS) return;
      lastEvaluatedAt = at;
      const events = alerts.evaluateNow(at);
      if (events.length > 0) {
        const firing = new Set(alerts.active().map((a) => a.key));
        void cases.handleAlertEvents(events, firing);
      }
      void cases.escalateOverdue(at);
    });
    app.decorate('alerts', alerts);
    app.decorate('cases', cases);
    app.decorate('segmentHistory', segmentHistory);
    app.addHook('onClose', async () => {
      detach();
      await cases.idle();
      await alerts.idle();
    });
  },
  { name: 'cbo-alerts', dependencies: ['cbo-config', 'cbo-store', 'cbo-city', 'cbo-pipeline', 'cbo-ingest'] },
);
