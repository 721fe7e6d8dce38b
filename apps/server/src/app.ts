import Fastify, { LogController, type FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { City } from '@cbo/city';
import { loadConfig, type AppConfig } from './config';
import { createScaledClock, createSystemClock, type Clock } from './pipeline/clock';
import { cityPlugin } from './plugins/city';
import { configPlugin } from './plugins/config';
import { errorHandlerPlugin } from './plugins/error-handler';
import { ingestPlugin } from './plugins/ingest';
import { pipelinePlugin } from './plugins/pipeline';
import { securityHeadersPlugin } from './plugins/security-headers';
import { simPlugin } from './plugins/sim';
import { storePlugin } from './plugins/store';
import { authPlugin } from './plugins/auth';
import { authRoutes } from './routes/auth';
import { adminRoutes } from './routes/admin';
import type { AnnounceFirstAdmin } from './auth/first-admin';
import { REDACTED_LOG_PATHS, serializeRequest } from './auth/log-redaction';
import { socketPlugin } from './plugins/socket';
import { alertsPlugin } from './plugins/alerts';
import { opsSocketPlugin } from './plugins/ops-socket';
import { alertRoutes } from './routes/alerts';
import { caseRoutes } from './routes/cases';
import { segmentReadingRoutes } from './routes/segment-readings';
import { cityRoutes } from './routes/city';
import { healthRoutes } from './routes/health';
import { ingestRoutes } from './routes/ingest';
import { trafficRoutes } from './routes/traffic';
import { webRoutes } from './routes/web';
import { historyPlugin } from './plugins/history';
import { historyRoutes } from './routes/history';
import { trafficInsightsPlugin } from './traffic/traffic-insights-plugin';
import { trafficInsightsRoutes } from './traffic/traffic-insights-routes';
import { trafficIngestRoutes } from './traffic/traffic-ingest-routes';
import { riverPlugin } from './river/river-plugin';
import { riverRoutes } from './river/river-routes';
import { riverIngestRoutes } from './river/river-ingest-routes';
import { bikesPlugin } from './bikes/bikes-plugin';
import { bikesRoutes } from './bikes/bikes-routes';
import { simGbfsRoutes } from './bikes/sim-gbfs-routes';

/** What the app is made of besides its configuration. */
export interface AppDeps {
  /** Time source; default: the system clock, or a clock SIM_SPEED times faster when SIM_SPEED > 1. */
  clock?: Clock;
  /** A city already built; default: loaded from CITY_DIR. */
  city?: City;
  /** Shows the first admin's one-time password; default: printed to stderr (never logged). */
  announceFirstAdmin?: AnnounceFirstAdmin;
}

/** Options of {@link appPlugin}. */
export interface AppPluginOptions extends AppDeps {
  config: AppConfig;
}

/**
 * The system clock, or with the simulator on and SIM_SPEED > 1 or SIM_START set, a simulated clock
 * (ADR 0004): it starts at SIM_START (default now) and runs SIM_SPEED times faster than real time.
 */
function createConfiguredClock(config: AppConfig): Clock {
  const simulated = config.SIM === 'on' && (config.SIM_SPEED > 1 || config.SIM_START !== undefined);
  if (!simulated) return createSystemClock();
  const startAt = config.SIM_START === undefined ? undefined : Date.parse(config.SIM_START);
  return createScaledClock(config.SIM_SPEED, startAt);
}

/** Longest a plugin may take to load (start-up work such as imports and backfills is in plugins). */
const PLUGIN_TIMEOUT_MS = 120_000;

/** Levels at which Fastify logs every request; above them, per-request lines would drown the log. */
const REQUEST_LOG_LEVELS = new Set(['debug', 'trace']);

/** Prefix of every REST route. */
export const API_PREFIX = '/api/v1';

/** The whole application as one plugin: services (plugins/) first, then routes. */
export const appPlugin = fp<AppPluginOptions>(
  async (app, { config, city, clock, announceFirstAdmin }) => {
    const appClock = clock ?? createConfiguredClock(config);
    await app.register(configPlugin, { config });
    await app.register(errorHandlerPlugin);
    await app.register(securityHeadersPlugin);
    await app.register(storePlugin);
    await app.register(authPlugin, announceFirstAdmin ? { announceFirstAdmin } : {});
    await app.register(cityPlugin, city ? { city } : {});
    await app.register(pipelinePlugin, { clock: appClock });
    await app.register(ingestPlugin);
    await app.register(simPlugin);
    await app.register(socketPlugin);
    await app.register(trafficInsightsPlugin);
    await app.register(riverPlugin);
    await app.register(alertsPlugin);
    await app.register(opsSocketPlugin);
    await app.register(bikesPlugin);
    await app.register(authRoutes, { prefix: API_PREFIX });
    await app.register(adminRoutes, { prefix: API_PREFIX });
    await app.register(cityRoutes, { prefix: API_PREFIX });
    await app.register(trafficRoutes, { prefix: API_PREFIX });
    await app.register(healthRoutes, { prefix: API_PREFIX });
    await app.register(ingestRoutes, { prefix: API_PREFIX });
    await app.register(alertRoutes, { prefix: API_PREFIX });
    await app.register(caseRoutes, { prefix: API_PREFIX });
    await app.register(segmentReadingRoutes, { prefix: API_PREFIX });
    await app.register(historyPlugin);
    await app.register(historyRoutes, { prefix: API_PREFIX });
    await app.register(trafficInsightsRoutes, { prefix: API_PREFIX });
    await app.register(trafficIngestRoutes, { prefix: API_PREFIX });
    await app.register(riverRoutes, { prefix: API_PREFIX });
    await app.register(riverIngestRoutes, { prefix: API_PREFIX });
    await app.register(bikesRoutes, { prefix: API_PREFIX });
    await app.register(simGbfsRoutes);
    await app.register(webRoutes);
  },
  { name: 'cbo-app' },
);

/**
 * Builds the app, ready but not listening (tests use `inject()`; server.ts listens).
 * @param overrides - configuration values that win over the environment
 * @param deps - clock and city to use instead of the defaults
 * @throws ConfigError naming a bad variable; city errors naming a bad fixture file
 */
export async function buildApp(
  overrides: Partial<AppConfig> = {},
  deps: AppDeps = {},
): Promise<FastifyInstance> {
  const config = loadConfig(undefined, overrides);
  const app = Fastify({
    trustProxy: config.TRUST_PROXY === 'on',
    logger: {
      level: config.LOG_LEVEL,
      redact: REDACTED_LOG_PATHS,
      serializers: { req: serializeRequest },
    },
    logController: new LogController({ disableRequestLogging: !REQUEST_LOG_LEVELS.has(config.LOG_LEVEL) }),
    // Start-up loads the city, migrates the store, imports recorded fixture days and backfills today's curve:
    // seconds of work on a busy machine, more than Fastify's default 10 s per plugin.
    pluginTimeout: PLUGIN_TIMEOUT_MS,
  });
  await app.register(appPlugin, { config, ...deps });
  await app.ready();
  return app;
}
