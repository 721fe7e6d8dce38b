import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { REPO_ROOT, startServer } from './support/server-process';
import type { ServerProcess } from './support/server-process';

const SCREENSHOT_DIR = `${REPO_ROOT}docs/screenshots`;
const ADMIN_PASSWORD = 'e2e-traffic-admin-password';

let server: ServerProcess;
let browser: Browser;
let wallToken = '';

async function adminCookie(): Promise<string> {
  const response = await fetch(`${server.baseUrl}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  expect(response.status).toBe(200);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

beforeAll(async () => {
  // A weekday morning peak; the past week is backfilled by the simulator in the background.
  server = await startServer({
    SIM: 'on',
    SIM_SPEED: '10',
    SIM_START: '2026-12-02T08:20:00+08:00',
    TRAFFIC_BACKFILL_DAYS: '7',
    HISTORY_FIXTURES_DIR: 'off',
    ADMIN_PASSWORD,
  });
  const cookie = await adminCookie();
  const issued = await fetch(`${server.baseUrl}/api/v1/admin/wall-tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, origin: server.baseUrl },
    body: JSON.stringify({ screenName: 'e2e-traffic-wall' }),
  });
  expect(issued.ok).toBe(true);
  wallToken = String(((await issued.json()) as { token: string }).token);
  browser = await chromium.launch({
    executablePath: execFileSync('which', ['chromium']).toString().trim(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function wallContext(viewport: { width: number; height: number }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport });
  const response = await context.request.post(`${server.baseUrl}/api/v1/auth/wall-sign-in`, {
    data: { token: wallToken },
  });
  expect(response.status()).toBe(200);
  return context;
}

async function openWall(page: Page): Promise<void> {
  await page.goto(`${server.baseUrl}/wall`);
  await page.getByTestId('city-map').locator('canvas').first().waitFor({ timeout: 90_000 });
  await expect
    .poll(async () => /\d/.test((await page.getByTestId('kpi-vehicles').textContent()) ?? ''), {
      timeout: 30_000,
    })
    .toBe(true);
}

/** Clicks the middle of the map: a segment there, or at least the district under it. */
async function clickMapCentre(page: Page): Promise<void> {
  const box = await page.getByTestId('city-map').boundingBox({ timeout: 120_000 });
  if (!box) throw new Error('map has no box');
  await page.mouse.click(box.x + box.width * 0.45, box.y + box.height * 0.5);
}

describe('/wall traffic insights', () => {
  it('shows the extra metrics and opens a drill-down with its chart on a click of the map', async () => {
    const context = await wallContext({ width: 1280, height: 720 });
    const page = await context.newPage();
    await openWall(page);
    await expect.poll(async () => page.getByTestId('kpi-points').textContent()).toMatch(/\d/);
    await clickMapCentre(page);
    const panel = page.getByTestId('drilldown');
    await panel.waitFor({ timeout: 20_000 });
    await panel.getByTestId('drilldown-chart').locator('canvas').first().waitFor({ timeout: 10_000 });
    // The chart has drawn today's line: its canvas is not blank.
    await expect
      .poll(
        async () =>
          panel
            .getByTestId('drilldown-chart')
            .locator('canvas')
            .first()
            .evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL().length),
        { timeout: 10_000 },
      )
      .toBeGreaterThan(5000);
    await panel.getByRole('button').click();
    await panel.waitFor({ state: 'detached', timeout: 5000 });
    await context.close();
  }, 240_000);

  it.each([
    [1920, 1080],
    [3840, 2160],
  ])(
    'screenshots the wall with the drill-down open at %ix%i',
    async (width, height) => {
      const context = await wallContext({ width, height });
      const page = await context.newPage();
      await openWall(page);
      await page.getByTestId('daily-compare').first().waitFor({ timeout: 60_000 });
      await clickMapCentre(page);
      await page.getByTestId('drilldown-chart').locator('canvas').first().waitFor({ timeout: 90_000 });
      await page.waitForTimeout(3000);
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: `${SCREENSHOT_DIR}/wall-insights-${width}x${height}.png` });
      await context.close();
    },
    240_000,
  );
});
