import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_HOSTS, launchBrowser, recordRequestHosts } from './support/browser';
import type { TestBrowser } from './support/browser';
import { REPO_ROOT, startServer } from './support/server-process';
import type { ServerProcess } from './support/server-process';
import { issueWallToken, signInAdmin } from './support/auth-api';

const SCREENSHOT_DIR = `${REPO_ROOT}docs/screenshots`;

let server: ServerProcess;
let testBrowser: TestBrowser;

beforeAll(async () => {
  // A weekday morning peak, with the day's curve since midnight backfilled by the simulator.
  server = await startServer({ SIM: 'on', SIM_SPEED: '10', SIM_START: '2026-12-02T08:20:00+08:00' });
  testBrowser = await launchBrowser();
});

afterAll(async () => {
  await testBrowser?.close();
  await server?.stop();
});

describe('/wall screenshot', () => {
  it('renders the simulated city at 1920x1080 for the README', async () => {
    const page = await testBrowser.newPage({ width: 1920, height: 1080 });
    const hosts = recordRequestHosts(page);
    const wall = await issueWallToken(server.baseUrl, await signInAdmin(server.baseUrl), 'readme-wall');
    await page.goto(`${server.baseUrl}${wall.url}`);
    await page.getByTestId('city-map').locator('canvas').first().waitFor({ timeout: 20_000 });
    // Some seconds of simulated traffic, until the KPIs show numbers and the banner is gone.
    await expect
      .poll(async () => /\d/.test((await page.getByTestId('kpi-tti').textContent()) ?? ''), {
        timeout: 20_000,
      })
      .toBe(true);
    await page.getByTestId('stale-banner').waitFor({ state: 'detached', timeout: 15_000 });
    await page.waitForTimeout(4000);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOT_DIR}/wall.png` });
    await page.close();
    expect([...hosts].filter((host) => !LOCAL_HOSTS.has(host))).toEqual([]);
  });
});
