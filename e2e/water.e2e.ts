import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import type { TestBrowser } from './support/browser';
import { E2E_ADMIN_PASSWORD, startServer } from './support/server-process';
import { issueWallToken, signInAdmin } from './support/auth-api';
import type { ServerProcess } from './support/server-process';

/** Gouzhuang gauge on the Grand Canal: historic maximum 4.9 m, so 4.95 m is red. */
const GAUGE = 'g-grand-gouzhuang';
const CAMERA = 'cam-grand-01';
/**
 * Where the screenshots go when E2E_SCREENSHOTS names a folder (to look at them). Timeouts are generous: on a
 * loaded two-core machine the wall's software-rendered map can hold the page's main thread for seconds.
 */
const SHOT_DIR = process.env['E2E_SCREENSHOTS'];

let server: ServerProcess;
let testBrowser: TestBrowser;
let adminCookie: string;
let riverKey: string;
let wallUrl: string;

beforeAll(async () => {
  server = await startServer({ SIM: 'off', TICK_MS: '1000' });
  testBrowser = await launchBrowser();
  adminCookie = await signInAdmin(server.baseUrl);
  const response = await fetch(`${server.baseUrl}/api/v1/admin/ingest-keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: adminCookie },
    body: JSON.stringify({ source: 'e2e-river', feeds: ['rivers'] }),
  });
  riverKey = ((await response.json()) as { key: string }).key;
  wallUrl = (await issueWallToken(server.baseUrl, adminCookie, 'e2e-water-wall')).url;
});

afterAll(async () => {
  await testBrowser?.close();
  await server?.stop();
});

async function ingest(path: string, items: unknown[]): Promise<void> {
  const response = await fetch(`${server.baseUrl}/api/v1/ingest/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': riverKey },
    body: JSON.stringify(items),
  });
  expect(response.status).toBe(200);
  expect(((await response.json()) as { rejected: unknown[] }).rejected).toEqual([]);
}

const countOf = async (page: Page, testId: string): Promise<string> =>
  ((await page.getByTestId(testId).locator('.water-count__n').textContent()) ?? '').trim();

describe('water on the wall', () => {
  it('shows a red gauge pushed through ingest and a new pollution event', async () => {
    const page = await testBrowser.newPage({ width: 1920, height: 1080 });
    await page.goto(`${server.baseUrl}${wallUrl}`);
    await page.getByTestId('wall-water-panel').waitFor({ timeout: 45_000 });
    await expect.poll(() => countOf(page, 'water-colour-red'), { timeout: 45_000 }).toBe('0');

    await ingest('river', [{ gaugeId: GAUGE, observedAt: Date.now() - 1000, levelM: 4.95 }]);
    await expect.poll(() => countOf(page, 'water-colour-red'), { timeout: 45_000 }).toBe('1');

    await ingest('river-events', [
      { kind: 'littering', observedAt: Date.now() - 1000, cameraId: CAMERA, evidenceRef: 'evidence://e2e/1' },
    ]);
    const event = page.getByTestId('wall-water-event').first();
    await event.waitFor({ timeout: 45_000 });
    expect(await event.textContent()).toContain(CAMERA);

    const box = await page.getByTestId('wall-water-panel').boundingBox();
    expect(box!.height).toBeLessThanOrEqual(222);
    if (SHOT_DIR) await page.screenshot({ path: `${SHOT_DIR}/wall-water.png` });
    await page.close();
  });

  it('shows the gauge, the event and the hydrograph on /water', async () => {
    const page = await testBrowser.newPage({ width: 1600, height: 900 });
    const signIn = await page.context().request.post(`${server.baseUrl}/api/v1/auth/sign-in`, {
      data: { username: 'admin', password: E2E_ADMIN_PASSWORD },
    });
    expect(signIn.status()).toBe(200);
    await page.goto(`${server.baseUrl}/water`);
    await page.getByTestId('water-screen').waitFor({ timeout: 45_000 });
    await expect
      .poll(() => page.locator('[data-testid="water-gauge"][data-colour="red"]').count(), { timeout: 45_000 })
      .toBe(1);
    await page.getByTestId('water-event').first().waitFor({ timeout: 45_000 });
    await page.getByTestId('water-hydrograph').locator('canvas').waitFor({ timeout: 45_000 });
    if (SHOT_DIR) {
      await page.waitForTimeout(1500);
      await page.screenshot({ path: `${SHOT_DIR}/water.png` });
    }
    await page.close();
  });
});
