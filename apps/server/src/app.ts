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
import { socketPlugin } from './plugins/socket';
import { cityRoutes } from './routes/city';
import { healthRoutes } from './routes/health';
import { ingestRoutes } from './routes/ingest';
import { trafficRoutes } from './routes/traffic';
import { webRoutes } from './routes/web';

/** What the app is made of besides its configuration. */
export interface AppDeps {
  /** Time source; default: the system clock, or a clock SIM_SPEED times faster when SIM_SPEED > 1. */
  clock?: Clock;
  /** A city already built; default: loaded from CITY_DIR. */
  city?: City;
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

/** Levels at which Fastify logs every request; above them, per-request lines would drown the log. */
const REQUEST_LOG_LEVELS = new Set(['debug', 'trace']);

/** Prefix of every REST route. */
export const API_PREFIX = '/api/v1';

/** The whole application as one plugin: services (plugins/) first, then routes. */
export const appPlugin = fp<AppPluginOptions>(
  async (app, { config, city, clock }) => {
    const appClock = clock ?? createConfiguredClock(config);
    await app.register(configPlugin, { config });
    await app.register(errorHandlerPlugin);
    await app.register(securityHeadersPlugin);
    await app.register(storePlugin);
    await app.register(cityPlugin, city ? { city } : {});
    await app.register(pipelinePlugin, { clock: appClock });
    await app.register(ingestPlugin);
    await app.register(simPlugin);
    await app.register(socketPlugin);
    await app.register(cityRoutes, { prefix: API_PREFIX });
    await app.register(trafficRoutes, { prefix: API_PREFIX });
    await app.register(healthRoutes, { prefix: API_PREFIX });
    await app.register(ingestRoutes, { prefix: API_PREFIX });
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
    logger: { level: config.LOG_LEVEL },
    logController: new LogController({ disableRequestLogging: !REQUEST_LOG_LEVELS.has(config.LOG_LEVEL) }),
  });
  await app.register(appPlugin, { config, ...deps });
  await app.ready();
  return app;
}
