import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LOCAL_HOSTS, launchBrowser, recordRequestHosts } from './support/browser';
import type { TestBrowser } from './support/browser';
import { REPO_ROOT, startServer } from './support/server-process';
import type { ServerProcess } from './support/server-process';

const ADMIN_PASSWORD = 'replay-e2e-password';
const SCREENSHOT_DIR = `${REPO_ROOT}docs/screenshots`;

let server: ServerProcess;
let testBrowser: TestBrowser;

beforeAll(async () => {
  // No live data at all: replay runs on the recorded days shipped in fixtures/history (imported at start).
  server = await startServer({ SIM: 'off', ADMIN_PASSWORD });
  testBrowser = await launchBrowser();
});

afterAll(async () => {
  await testBrowser?.close();
  await server?.stop();
});

async function signIn(page: Page): Promise<void> {
  const response = await page.request.post(`${server.baseUrl}/api/v1/auth/sign-in`, {
    data: { username: 'admin', password: ADMIN_PASSWORD },
    headers: { origin: server.baseUrl },
  });
  expect(response.status()).toBe(200);
}

async function replayTime(page: Page): Promise<string> {
  return (await page.getByTestId('replay-time').textContent()) ?? '';
}

/** Clicks the scrubber at `hour` of the day (the chart's grid spans 44 px from the left to 16 px from the right). */
async function clickTimelineAt(page: Page, hour: number): Promise<void> {
  const box = await page.getByTestId('replay-timeline').boundingBox();
  if (!box) throw new Error('no timeline');
  const x = box.x + 44 + ((box.width - 60) * hour) / 24;
  await page.mouse.click(x, box.y + box.height / 2);
}

async function mapPng(page: Page): Promise<Buffer> {
  await page.waitForTimeout(1500);
  return page.getByTestId('city-map').screenshot();
}

describe('/replay', () => {
  it('plays a recorded day, seeks on the timeline and the map changes', async () => {
    const page = await testBrowser.newPage({ width: 1366, height: 768 });
    const hosts = recordRequestHosts(page);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(page);
    await page.goto(`${server.baseUrl}/replay`);
    await page.getByTestId('city-map').locator('canvas').first().waitFor({ timeout: 20_000 });
    // The shipped weekday (the newest day is today's, recorded live with no data).
    await page.getByTestId('replay-day').selectOption('2026-01-14');
    await expect.poll(() => replayTime(page), { timeout: 15_000 }).toBe('00:00:00');
    const atMidnight = await mapPng(page);

    await page.getByTestId('replay-speed-600').click();
    await expect.poll(() => replayTime(page), { timeout: 10_000 }).not.toBe('00:00:00');
    await page.getByTestId('replay-pause').click({ timeout: 60_000 });

    await clickTimelineAt(page, 8.5);
    await expect.poll(async () => (await replayTime(page)).slice(0, 2), { timeout: 10_000 }).toBe('08');
    const atPeak = await mapPng(page);
    expect(atPeak.equals(atMidnight)).toBe(false);

    await page.getByTestId('replay-step-forward').click();
    await expect.poll(() => replayTime(page), { timeout: 10_000 }).not.toMatch(/^08:2/);

    const days = await page.getByTestId('replay-day').locator('option').allTextContents();
    if (days.includes('2026-01-17')) {
      await page.getByTestId('replay-compare').selectOption('2026-01-17');
    }
    await page.waitForTimeout(1500);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOT_DIR}/replay.png` });
    expect(pageErrors).toEqual([]);
    expect([...hosts].every((host) => LOCAL_HOSTS.has(host))).toBe(true);
    await page.close();
  });

  it('backtests a stored rule over a recorded day, marks it and seeks from the list; compares with the typical day', async () => {
    const page = await testBrowser.newPage({ width: 1366, height: 900 });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await signIn(page);
    await page.goto(`${server.baseUrl}/replay`);
    await page.getByTestId('replay-day').selectOption('2026-01-14');
    await expect.poll(() => replayTime(page), { timeout: 15_000 }).toBe('00:00:00');

    await page.getByTestId('backtest-json').fill('{ "id": ');
    await page.getByTestId('backtest-run').click();
    await expect.poll(() => page.getByTestId('backtest-errors').textContent()).toMatch(/JSON/);

    const ruleIds = await page
      .getByTestId('backtest-rule')
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== ''));
    await page
      .getByTestId('backtest-rule')
      .selectOption(ruleIds.includes('network-tpi-high') ? 'network-tpi-high' : ruleIds[0]!);
    await page.getByTestId('backtest-run').click();
    await page.getByTestId('backtest-counts').waitFor({ timeout: 30_000 });
    const rows = page.getByTestId('backtest-list').locator('button');
    if ((await rows.count()) > 0) {
      const label = (await rows.first().textContent()) ?? '';
      await rows.first().click();
      const hhmm = /(\d\d:\d\d)/.exec(label)?.[1] ?? '';
      await expect.poll(async () => (await replayTime(page)).slice(0, 5), { timeout: 10_000 }).toBe(hhmm);
    }

    await page.getByTestId('replay-compare').selectOption('typical');
    await page.getByTestId('day-summary-typical').waitFor({ timeout: 10_000 });
    await page.waitForTimeout(1000);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/replay-backtest.png` });
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
