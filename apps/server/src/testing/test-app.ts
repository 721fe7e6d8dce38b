import type { FastifyInstance } from 'fastify';
import type { City } from '@cbo/city';
import { buildApp } from '../app';
import type { AppConfig } from '../config';
import { resolveConfigPath } from '../config';
import { loadCity } from '../city/load-city';
import { createManualClock, type ManualClock } from '../pipeline/clock';

/** 2026-01-15 10:00:00 in Hangzhou (UTC+8): the default time of test apps. */
export const TEST_START_AT = Date.UTC(2026, 0, 15, 2, 0, 0);

let cityPromise: Promise<City> | null = null;

/** The default fixture city, loaded once per test file (a City is immutable; each app has its own state). */
export function loadTestCity(): Promise<City> {
  cityPromise ??= loadCity(resolveConfigPath('fixtures/hangzhou'));
  return cityPromise;
}

/** An app and the manual clock it runs on. */
export interface TestApp {
  app: FastifyInstance;
  clock: ManualClock;
}

/**
 * Builds an app for one test: simulator off, silent logs, a manual clock at `startAt`, the fixture city and no
 * built web app (unless overridden). Close it after the test.
 */
export async function buildTestApp(
  overrides: Partial<AppConfig> = {},
  startAt: number = TEST_START_AT,
): Promise<TestApp> {
  const clock = createManualClock(startAt);
  const app = await buildApp(
    {
      SIM: 'off',
      LOG_LEVEL: 'silent',
      WEB_DIST: 'apps/server/no-web-dist',
      DATABASE_PATH: ':memory:',
      ALERT_EVERY_MS: 0,
      HISTORY_FIXTURES_DIR: 'off',
      ...overrides,
    },
    { clock, city: await loadTestCity(), announceFirstAdmin: () => undefined },
  );
  return { app, clock };
}
