import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { BikesNow } from '@cbo/contracts';
import { LOCAL_HOSTS, launchBrowser, recordRequestHosts } from './support/browser';
import type { TestBrowser } from './support/browser';
import { countPixels } from './support/count-pixels';
import { REPO_ROOT, startServer } from './support/server-process';
import type { ServerProcess } from './support/server-process';
import { issueWallToken, signInAdmin } from './support/auth-api';

const SCREENSHOT_DIR = `${REPO_ROOT}docs/screenshots`;

let server: ServerProcess;
let testBrowser: TestBrowser;
let adminCookie: string;

beforeAll(async () => {
  // The simulated city on a weekday morning, with a smaller fleet than the default and no backfill of the
  // day so far, to spare the CPU.
  server = await startServer({
    SIM: 'on',
    SIM_START: '2026-12-02T08:20:00+08:00',
    SIM_BACKFILL: 'off',
    BIKES_FLEET: '8000',
  });
  testBrowser = await launchBrowser();
  adminCookie = await signInAdmin(server.baseUrl);
  // The server answers health checks before the simulator's first bikes are in: wait for them.
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline && (await fleetNow()) === 0) await new Promise((r) => setTimeout(r, 1000));
}, 180_000);

async function fleetNow(): Promise<number> {
  const response = await fetch(`${server.baseUrl}/api/v1/bikes/now`, { headers: { cookie: adminCookie } });
  return response.ok ? ((await response.json()) as BikesNow).network.fleet : 0;
}

afterAll(async () => {
  await testBrowser?.close();
  await server?.stop();
});

/** The parked-bike dot colour (86, 180, 233) and its anti-aliased edges. */
const isParkedBlue = (red: number, green: number, blue: number): boolean =>
  Math.abs(red - 86) < 30 && Math.abs(green - 180) < 30 && Math.abs(blue - 233) < 30;

async function signedInPage(viewport: { width: number; height: number }): Promise<Page> {
  const page = await testBrowser.newPage(viewport);
  const [name = '', value = ''] = adminCookie.split('=');
  await page.context().addCookies([{ name, value, url: server.baseUrl }]);
  return page;
}

/** Opens a screen by path; when the server does not serve the path itself, routes to it inside the app. */
async function openScreen(page: Page, path: string): Promise<void> {
  const response = await page.goto(`${server.baseUrl}${path}`);
  if (response?.status() !== 404) return;
  await page.goto(`${server.baseUrl}/login`, { waitUntil: 'commit', timeout: 60_000 });
  await page.locator('#root > *').first().waitFor({ timeout: 60_000 });
  await page.evaluate((target) => {
    window.history.pushState(null, '', target);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

async function bikesOnMap(page: Page): Promise<number> {
  return Number((await page.getByTestId('bike-stream-status').getAttribute('data-bikes')) ?? '0');
}

async function mapPng(page: Page): Promise<Buffer> {
  // deck.gl on SwiftShader needs a moment to draw the newest attributes.
  await page.waitForTimeout(2000);
  return page.getByTestId('city-map').screenshot();
}

async function pushMalformedVehicles(): Promise<{ status: number; paths: string[] }> {
  const keyResponse = await fetch(`${server.baseUrl}/api/v1/admin/ingest-keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: adminCookie },
    body: JSON.stringify({ source: 'e2e-gbfs', feeds: ['bikes'] }),
  });
  const { key } = (await keyResponse.json()) as { key: string };
  const response = await fetch(`${server.baseUrl}/api/v1/ingest/gbfs/sim-yunqi/vehicle_status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key },
    body: JSON.stringify({ last_updated: 'soon', ttl: 30, version: '3.0', data: { vehicles: 'none' } }),
  });
  const result = (await response.json()) as { errors?: { path: string }[] };
  return { status: response.status, paths: (result.errors ?? []).map((e) => e.path) };
}

describe('/bikes and the wall bike panel', () => {
  it('draws the simulated bikes, charts the operators, shows the wall panel and keeps stale data on screen', async () => {
    const page = await signedInPage({ width: 1280, height: 720 });
    const hosts = recordRequestHosts(page);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await openScreen(page, '/bikes');
    await page.getByTestId('bikes-screen').waitFor({ timeout: 30_000 });
    await expect.poll(() => bikesOnMap(page), { timeout: 60_000, interval: 1000 }).toBeGreaterThan(1000);

    // Dots in the parked colour on the map; far fewer with the bikes hidden.
    const withBikes = countPixels(await mapPng(page), isParkedBlue);
    await page.getByTestId('bike-layer-off').click();
    const withoutBikes = countPixels(await mapPng(page), isParkedBlue);
    expect(withBikes).toBeGreaterThan(withoutBikes + 300);
    await page.getByTestId('bike-layer-hexagons').click();

    // The operator charts are drawn, the district table filled.
    await page.getByTestId('bike-fleet-chart').locator('canvas').first().waitFor({ timeout: 15_000 });
    const fleetChart = await page.getByTestId('bike-fleet-chart').screenshot();
    expect(countPixels(fleetChart, isParkedBlue)).toBeGreaterThan(100);
    await page.getByTestId('bike-operator-chart').locator('canvas').first().waitFor();
    expect(await page.getByTestId('bike-district-table').locator('tbody tr').count()).toBeGreaterThan(3);

    // A malformed GBFS document is rejected with its JSON path; the feed turns stale, the bikes stay.
    const before = await bikesOnMap(page);
    const pushed = await pushMalformedVehicles();
    expect(pushed.status).toBe(422);
    expect(pushed.paths.length).toBeGreaterThan(0);
    const yunqi = page.locator('[data-testid="bike-feed"]', { hasText: 'sim-yunqi' });
    await expect
      .poll(
        async () => {
          if ((await yunqi.getAttribute('data-stale')) === 'true') return true;
          // The simulator's next poll may clear it first: push again until a `bikes:now` shows it.
          await pushMalformedVehicles();
          return false;
        },
        { timeout: 30_000, interval: 2500 },
      )
      .toBe(true);
    expect(await page.getByTestId('bike-freshness').getAttribute('data-stale')).toBe('true');
    expect(await yunqi.getByTestId('bike-feed-problem').first().textContent()).toMatch(/schema|version/);
    expect(await bikesOnMap(page)).toBeGreaterThanOrEqual(before * 0.9);
    expect(await page.getByTestId('bike-kpi-fleet').textContent()).toMatch(/[1-9]/);

    // Screenshot of /bikes at 1920x1080 for the docs (dots, stations, zones).
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByTestId('bike-layer-points').click();
    await page.waitForTimeout(4000);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOT_DIR}/bikes.png` });

    // The wall (its own kiosk session): the bike panel with non-zero counts, hexagons on the map.
    const wall = await issueWallToken(server.baseUrl, adminCookie, 'e2e-bikes-wall');
    await page.goto(`${server.baseUrl}${wall.url}`);
    const panel = page.getByTestId('wall-bike-panel');
    await panel.waitFor({ timeout: 30_000 });
    await expect
      .poll(
        async () =>
          Number(((await panel.getByTestId('bike-kpi-fleet').textContent()) ?? '').replace(/\D/g, '')),
        {
          timeout: 30_000,
        },
      )
      .toBeGreaterThan(0);
    expect((await panel.boundingBox())?.height ?? 999).toBeLessThanOrEqual(222);
    await page.waitForTimeout(4000);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/bikes-wall.png` });

    await page.close();
    expect(pageErrors).toEqual([]);
    expect([...hosts].filter((host) => !LOCAL_HOSTS.has(host))).toEqual([]);
  }, 300_000);
});
