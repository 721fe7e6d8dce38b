import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CityDocument } from '@cbo/contracts';
import { LOCAL_HOSTS, launchBrowser, recordRequestHosts } from './support/browser';
import type { TestBrowser } from './support/browser';
import { countPixels, isFreeBlue, isSevereRed } from './support/count-pixels';
import { startServer } from './support/server-process';
import { createIngestKey, issueWallToken, signInAdmin } from './support/auth-api';
import type { ServerProcess } from './support/server-process';

/** Inputs stay fresh this long on the test server, so the stale state comes quickly once feeding stops. */
const FRESH_FOR_MS = 12_000;

let server: ServerProcess;
let testBrowser: TestBrowser;
let adminCookie: string;
let ingestKey: string;
let wallUrl: string;

beforeAll(async () => {
  server = await startServer({ SIM: 'off', FRESH_FOR_MS: String(FRESH_FOR_MS), TICK_MS: '1000' });
  testBrowser = await launchBrowser();
  adminCookie = await signInAdmin(server.baseUrl);
  ingestKey = await createIngestKey(server.baseUrl, adminCookie, 'e2e-probe');
  wallUrl = (await issueWallToken(server.baseUrl, adminCookie, 'e2e-wall')).url;
});

afterAll(async () => {
  await testBrowser?.close();
  await server?.stop();
});

async function ingest(
  observations: { segmentId: string; observedAt: number; speedKmh: number }[],
): Promise<void> {
  const response = await fetch(`${server.baseUrl}/api/v1/ingest/traffic`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': ingestKey },
    body: JSON.stringify(observations),
  });
  expect(response.status).toBe(200);
  const result = (await response.json()) as { accepted: number; rejected: unknown[] };
  expect(result.rejected).toEqual([]);
}

async function readTti(page: Page): Promise<number> {
  const text = (await page.getByTestId('kpi-tti').textContent()) ?? '';
  return Number.parseFloat(text.replace(/[^\d.]/g, ''));
}

async function waitForTti(page: Page, test: (tti: number) => boolean, timeoutMs = 15_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let tti = Number.NaN;
  while (Date.now() < deadline) {
    tti = await readTti(page);
    if (test(tti)) return tti;
    await page.waitForTimeout(250);
  }
  throw new Error(`TTI never satisfied the condition; last ${tti}`);
}

async function mapPng(page: Page): Promise<Buffer> {
  // Let deck.gl draw the newest attributes (SwiftShader is slow), then grab the map area.
  await page.waitForTimeout(1500);
  return page.getByTestId('city-map').screenshot();
}

/**
 * The map once `accept` holds for it: on a busy machine the indices (REST, socket JSON) arrive well before
 * software rendering has drawn the frame's colours, so one screenshot after a fixed wait can be too early.
 */
async function mapPngWhen(page: Page, accept: (png: Buffer) => boolean, timeoutMs = 30_000): Promise<Buffer> {
  const until = Date.now() + timeoutMs;
  let png = await mapPng(page);
  while (!accept(png) && Date.now() < until) png = await mapPng(page);
  return png;
}

describe('/wall', () => {
  it('shows live traffic from ingest, switches language, turns stale, and stays on this machine', async () => {
    const cityResponse = await fetch(`${server.baseUrl}/api/v1/city`, { headers: { cookie: adminCookie } });
    const city = (await cityResponse.json()) as CityDocument;
    const page = await testBrowser.newPage({ width: 1280, height: 720 });
    const hosts = recordRequestHosts(page);
    const consoleErrors: string[] = [];
    page.on('pageerror', (error) => consoleErrors.push(error.message));

    await page.goto(`${server.baseUrl}${wallUrl}`);
    await page.getByTestId('city-map').locator('canvas').first().waitFor({ timeout: 20_000 });
    await expect
      .poll(() => page.getByTestId('wall-title').textContent(), { timeout: 10_000 })
      .toBe('城市大脑 · 运行监测');
    // No data yet: the wall says so.
    await page.getByTestId('stale-banner').waitFor({ timeout: 15_000 });

    // Every segment at its free-flow speed: TTI 1.00, roads blue, no red.
    await ingest(
      city.segments.map((s) => ({ segmentId: s.id, observedAt: Date.now(), speedKmh: s.freeFlowKmh })),
    );
    await waitForTti(page, (tti) => Math.abs(tti - 1) < 0.005);
    await page.getByTestId('stale-banner').waitFor({ state: 'detached', timeout: 10_000 });
    const freePng = await mapPngWhen(page, (png) => countPixels(png, isFreeBlue) > 500);
    const redBefore = countPixels(freePng, isSevereRed);
    expect(countPixels(freePng, isFreeBlue)).toBeGreaterThan(500);

    // A third of the segments crawl at 5 km/h: TTI rises, red appears on the map.
    const slowed = city.segments.filter((s) => s.index % 3 === 0);
    await ingest(slowed.map((s) => ({ segmentId: s.id, observedAt: Date.now(), speedKmh: 5 })));
    const slowTti = await waitForTti(page, (tti) => tti > 1.3);
    expect(slowTti).toBeGreaterThan(1.3);
    const slowPng = await mapPngWhen(page, (png) => countPixels(png, isSevereRed) > redBefore + 500);
    expect(countPixels(slowPng, isSevereRed)).toBeGreaterThan(redBefore + 500);

    // English via the toggle, remembered in localStorage.
    await page.getByTestId('language-toggle').click();
    await expect.poll(() => page.getByTestId('wall-title').textContent()).toBe('City Brain Ops');
    expect(await page.evaluate(() => window.localStorage.getItem('cbo.locale'))).toBe('en');

    // Feeding stopped: once inputs are older than FRESH_FOR_MS the stale banner comes back, with the age.
    const banner = page.getByTestId('stale-banner');
    await banner.waitFor({ timeout: FRESH_FOR_MS + 10_000 });
    await expect
      .poll(() => banner.textContent(), { timeout: 5_000 })
      .toMatch(/Data stale.*newest data is \d+ s old/);
    expect(await page.getByTestId('connection-badge').getAttribute('data-state')).toBe('stale');

    // `/` goes to the wall, and the stored language survives the reload.
    await page.goto(`${server.baseUrl}/`);
    await expect
      .poll(() => page.getByTestId('wall-title').textContent(), { timeout: 15_000 })
      .toBe('City Brain Ops');
    expect(new URL(page.url()).pathname).toBe('/wall');
    // `?lang=` wins over the stored choice.
    await page.goto(`${server.baseUrl}/wall?lang=zh`);
    await expect
      .poll(() => page.getByTestId('wall-title').textContent(), { timeout: 15_000 })
      .toBe('城市大脑 · 运行监测');

    await page.close();
    expect(consoleErrors).toEqual([]);
    expect([...hosts].filter((host) => !LOCAL_HOSTS.has(host))).toEqual([]);
  });
});
