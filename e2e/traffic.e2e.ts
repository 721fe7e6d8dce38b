import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { PNG as PngClass } from 'pngjs';
import type { CityDocument, IncidentList, TrafficNow } from '@cbo/contracts';
import { createIngestKey } from './support/auth-api';
import { REPO_ROOT, startServer } from './support/server-process';
import type { ServerProcess } from './support/server-process';

const SCREENSHOT_DIR = `${REPO_ROOT}docs/screenshots`;
const ADMIN_PASSWORD = 'e2e-traffic-admin-password';
/** Simulated start of the server (SIM_START below). */
const SIM_START_AT = Date.parse('2026-12-02T08:20:00+08:00');
// pngjs is a devDependency of @cbo/web (the e2e folder has no package of its own).
const { PNG } = createRequire(new URL('../apps/web/package.json', import.meta.url))('pngjs') as {
  PNG: typeof PngClass;
};

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
}, 150_000);

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

async function getJson<T>(path: string, cookie: string): Promise<T> {
  const response = await fetch(`${server.baseUrl}${path}`, { headers: { cookie } });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

/** The suspected-incident ring colour of the map (255, 92, 56): neither level 4 (252, 141, 89) nor 5 (215, 48, 31). */
const isIncidentColour = (red: number, green: number, blue: number): boolean =>
  red > 240 && green > 70 && green < 115 && blue > 30 && blue < 80;

/** Pixels of the incident colour in a PNG: count and leftmost column, and the mean row of that column's pixels. */
function incidentPixels(png: Buffer): { count: number; minX: number; meanY: number } {
  const image = PNG.sync.read(png);
  let count = 0;
  let minX = Infinity;
  const rowsByX = new Map<number, number[]>();
  for (let y = 0; y < image.height; y += 1) {
    for (let x = 0; x < image.width; x += 1) {
      const o = (y * image.width + x) * 4;
      if (!isIncidentColour(image.data[o]!, image.data[o + 1]!, image.data[o + 2]!)) continue;
      count += 1;
      minX = Math.min(minX, x);
      rowsByX.set(x, [...(rowsByX.get(x) ?? []), y]);
    }
  }
  const rows = rowsByX.get(minX) ?? [0];
  return { count, minX, meanY: rows.reduce((sum, y) => sum + y, 0) / rows.length };
}

/**
 * Makes a segment drop to a crawl until the detector raises a suspected incident on it: a reading a little
 * newer than the last tick, every 700 ms, so each tick sees a new drop reading (the simulator reports each
 * segment once a simulated minute; its baseline needs ten readings, so this waits for 11 simulated minutes).
 */
async function raiseIncident(cookie: string): Promise<string> {
  const key = await createIngestKey(server.baseUrl, cookie, 'e2e-incident');
  const city = await getJson<CityDocument>('/api/v1/city', cookie);
  const arterials = city.segments.filter((s) => s.roadClass === 'arterial');
  const victim = arterials[Math.floor(arterials.length / 2)]!;
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    const now = await getJson<TrafficNow>('/api/v1/traffic/now', cookie);
    if (now.computedAt >= SIM_START_AT + 11 * 60_000) {
      const posted = await fetch(`${server.baseUrl}/api/v1/ingest/traffic`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body: JSON.stringify([{ segmentId: victim.id, observedAt: now.computedAt + 2000, speedKmh: 2 }]),
      });
      expect(posted.status).toBe(200);
      const incidents = await getJson<IncidentList>('/api/v1/traffic/incidents', cookie);
      if (incidents.active.some((incident) => incident.segmentId === victim.id)) return victim.id;
    }
    await new Promise((resolve) => setTimeout(resolve, 700));
  }
  throw new Error(`no incident raised on ${victim.id}`);
}

describe('incidents on the map, drill-down on /ops', () => {
  it('draws a suspected incident on /wall as a labelled ring that opens its segment', async () => {
    const cookie = await adminCookie();
    const context = await wallContext({ width: 1280, height: 720 });
    const page = await context.newPage();
    await openWall(page);
    await raiseIncident(cookie);
    await expect.poll(async () => page.getByTestId('kpi-incidents').textContent()).toMatch(/[1-9]/);
    // deck.gl under SwiftShader is slow: give it a few frames to draw the overlay.
    let pixels = incidentPixels(await page.getByTestId('city-map').screenshot());
    for (let tries = 0; pixels.count < 20 && tries < 10; tries += 1) {
      await page.waitForTimeout(1000);
      pixels = incidentPixels(await page.getByTestId('city-map').screenshot());
    }
    expect(pixels.count).toBeGreaterThan(20);
    // The incident may clear while a busy machine draws and clicks (the simulator keeps feeding the road at its
    // normal speed): the drill-down must name a segment that had an incident when the ring was drawn or after.
    const drawn = await getJson<IncidentList>('/api/v1/traffic/incidents', cookie);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOT_DIR}/wall-incident-1280x720.png` });
    // Click inside the ring: its left edge plus a ring radius (11 px x (0.5 + confidence / 2) x scale 2/3).
    const box = await page.getByTestId('city-map').boundingBox();
    if (!box) throw new Error('map has no box');
    await page.mouse.click(box.x + pixels.minX + 6, box.y + pixels.meanY);
    const panel = page.getByTestId('drilldown');
    await panel.waitFor({ timeout: 20_000 });
    const active = await getJson<IncidentList>('/api/v1/traffic/incidents', cookie);
    const ids = [...drawn.active, ...active.active].map((incident) => incident.segmentId);
    const header = (await panel.locator('h2').textContent()) ?? '';
    expect(ids.some((id) => header.includes(id))).toBe(true);
    await context.close();
  }, 240_000);

  it('opens the drill-down of a segment or district clicked on the /ops map', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const signIn = await context.request.post(`${server.baseUrl}/api/v1/auth/sign-in`, {
      data: { username: 'admin', password: ADMIN_PASSWORD },
    });
    expect(signIn.status()).toBe(200);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/ops`);
    const map = page.getByTestId('ops-map');
    await map.locator('canvas').first().waitFor({ timeout: 90_000 });
    await page.waitForTimeout(2000);
    const box = await map.boundingBox();
    if (!box) throw new Error('ops map has no box');
    await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.5);
    const panel = page.getByTestId('drilldown');
    await panel.waitFor({ timeout: 20_000 });
    await panel.getByTestId('drilldown-chart').locator('canvas').first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(2000);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOT_DIR}/ops-drilldown-1366x768.png` });
    await panel.getByRole('button').click();
    await panel.waitFor({ state: 'detached', timeout: 5000 });
    await context.close();
  }, 240_000);
});
