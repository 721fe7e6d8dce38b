import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CityDocument } from '@cbo/contracts';
import { REPO_ROOT, startServer } from './support/server-process';
import type { ServerProcess } from './support/server-process';

const SCREENSHOT_DIR = `${REPO_ROOT}docs/screenshots`;
const ADMIN_PASSWORD = 'e2e-admin-password-0001';
const OFFICER = { username: 'officer.li', password: 'e2e-officer-password-01', role: 'officer' };
/** A transition made on /ops must show on the wall within this long. */
const VISIBLE_WITHIN_MS = 1000;

/** One rule that fires at once on a congested segment, red, so a single reading opens a red case. */
const RULES = {
  rules: [
    {
      id: 'e2e-severe',
      version: 1,
      name: { zh: '严重拥堵', en: 'Severe congestion' },
      domain: 'traffic',
      target: 'segment',
      kind: 'congestion',
      when: { metric: 'tti', op: '>=', value: 2.5 },
      forMs: 0,
      clearWhen: { metric: 'tti', op: '<', value: 1.5 },
      clearForMs: 600_000,
      severity: 'red',
      dedupeKey: '{kind}:{entity}',
      groupAdjacent: true,
      enabled: true,
    },
  ],
};

let server: ServerProcess;
let browser: Browser;
let adminCookie = '';

async function api(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', cookie: adminCookie, ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${text}`);
  return { json: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: response.headers };
}

async function signedInContext(
  path: string,
  body: unknown,
  viewport: { width: number; height: number },
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport });
  const response = await context.request.post(`${server.baseUrl}${path}`, { data: body });
  expect(response.status()).toBe(200);
  return context;
}

/** Records in the wall page when each case status first appears in its ticker (page clock = test clock). */
async function watchWallStatuses(wall: Page): Promise<void> {
  await wall.evaluate(() => {
    const seen: Record<string, number> = {};
    (window as unknown as { __seen: Record<string, number> }).__seen = seen;
    const record = () => {
      for (const item of document.querySelectorAll('[data-testid="wall-case"]')) {
        const key = `${item.getAttribute('data-case-id')}:${item.getAttribute('data-status')}`;
        seen[key] ??= Date.now();
      }
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true });
    record();
  });
}

/** When the wall first showed `caseId` in `status` (epoch ms), waiting up to 15 s for it. */
async function wallSawStatus(wall: Page, caseId: string, status: string): Promise<number> {
  const handle = await wall.waitForFunction(
    (key) => (window as unknown as { __seen: Record<string, number> }).__seen[key],
    `${caseId}:${status}`,
    { timeout: 15_000 },
  );
  return (await handle.jsonValue()) as number;
}

beforeAll(async () => {
  const rulesDir = mkdtempSync(join(tmpdir(), 'cbo-e2e-rules-'));
  writeFileSync(join(rulesDir, 'e2e.json'), JSON.stringify(RULES));
  server = await startServer({ SIM: 'off', TICK_MS: '1000', RULES_DIR: rulesDir, ADMIN_PASSWORD });
  const signIn = await fetch(`${server.baseUrl}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  adminCookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  browser = await chromium.launch({
    executablePath: execFileSync('which', ['chromium']).toString().trim(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('/ops and /wall', () => {
  it('shows each step of an officer closing a red case on a second browser’s wall within a second', async () => {
    await api('/api/v1/admin/users', { method: 'POST', body: OFFICER });
    const { json: issued } = await api('/api/v1/admin/wall-tokens', {
      method: 'POST',
      body: { screenName: 'e2e-wall' },
    });
    const { json: key } = await api('/api/v1/admin/ingest-keys', {
      method: 'POST',
      body: { source: 'e2e', feeds: ['traffic'] },
    });
    const { json: city } = await api('/api/v1/city');
    const segment =
      (city as unknown as CityDocument).segments.find((s) => s.roadClass === 'arterial') ??
      (city as unknown as CityDocument).segments[0]!;

    const wallContext = await signedInContext(
      '/api/v1/auth/wall-sign-in',
      { token: issued.token },
      { width: 1280, height: 720 },
    );
    const officerContext = await signedInContext(
      '/api/v1/auth/sign-in',
      { username: OFFICER.username, password: OFFICER.password },
      { width: 1366, height: 768 },
    );
    const wall = await wallContext.newPage();
    const ops = await officerContext.newPage();
    await wall.goto(`${server.baseUrl}/wall`);
    await ops.goto(`${server.baseUrl}/ops`);
    await ops.getByTestId('case-inbox').waitFor({ timeout: 60_000 });
    await wall.getByTestId('wall-alerts').waitFor({ timeout: 60_000 });
    await watchWallStatuses(wall);

    await api('/api/v1/ingest/traffic', {
      method: 'POST',
      headers: { 'x-api-key': String(key.key) },
      body: [{ segmentId: segment.id, observedAt: Date.now(), speedKmh: segment.freeFlowKmh / 3 }],
    });
    const row = ops.locator('[data-testid="case-row"]').first();
    await row.waitFor({ timeout: 30_000 });
    const caseId = (await row.getAttribute('data-case-id')) ?? '';
    await wallSawStatus(wall, caseId, 'detected');
    await wall.getByTestId('red-flash').waitFor({ timeout: 10_000 });

    await row.click();
    await ops.getByTestId('case-view').waitFor();
    const steps: { act: () => Promise<void>; status: string }[] = [
      { act: () => ops.keyboard.press('f'), status: 'filed' },
      {
        act: async () => {
          await ops.keyboard.press('d');
          await ops.getByTestId('action-submit').click();
        },
        status: 'dispatched',
      },
      { act: () => ops.getByTestId('action-start').click(), status: 'handling' },
      {
        act: async () => {
          await ops.keyboard.press('r');
          await ops.getByTestId('action-text').fill('车辆已拖离');
          await ops.getByTestId('action-submit').click();
        },
        status: 'reported',
      },
      { act: () => ops.keyboard.press('v'), status: 'verified' },
      { act: () => ops.keyboard.press('x'), status: 'closed' },
    ];
    const delays: Record<string, number> = {};
    for (const step of steps) {
      const answered = ops.waitForResponse((r) => r.url().endsWith(`/cases/${caseId}/actions`), {
        timeout: 20_000,
      });
      await step.act();
      const response = await answered;
      expect(response.status()).toBe(200);
      // The server's time of the transition (same machine clock as the wall page's Date.now()).
      const { events } = (await response.json()) as { events: { at: number }[] };
      delays[step.status] = (await wallSawStatus(wall, caseId, step.status)) - (events[0]?.at ?? 0);
      await ops
        .locator(`[data-testid="case-view"][data-status="${step.status}"]`)
        .waitFor({ timeout: 15_000 });
    }
    const timeline = await ops
      .getByTestId('case-timeline')
      .locator('li')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-action')));
    expect(timeline).toEqual(['open', 'file', 'dispatch', 'start', 'report', 'verify', 'close']);

    // Screenshots: the whole network reporting (a deterministic mix of levels), a second congestion case open
    // on /ops at 1366x768, and the wall with its alert panel.
    const all = (city as unknown as CityDocument).segments;
    const other = all.find((s) => s.id !== segment.id && s.roadClass === 'expressway') ?? all[1]!;
    const observedAt = Date.now();
    await api('/api/v1/ingest/traffic', {
      method: 'POST',
      headers: { 'x-api-key': String(key.key) },
      body: all.map((s, i) => ({
        segmentId: s.id,
        observedAt,
        speedKmh: s.id === other.id ? s.freeFlowKmh / 3.4 : s.freeFlowKmh * [1, 0.9, 0.75, 0.6, 0.45][i % 5]!,
      })),
    });
    await ops
      .locator('[data-testid="case-row"][data-kind="congestion"][data-status="detected"]')
      .first()
      .click();
    await ops.getByTestId('segment-chart').waitFor({ timeout: 15_000 });
    await ops.waitForTimeout(3000);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await ops.screenshot({ path: `${SCREENSHOT_DIR}/ops.png` });
    await wall.setViewportSize({ width: 1920, height: 1080 });
    await wall.waitForTimeout(2500);
    await wall.screenshot({ path: `${SCREENSHOT_DIR}/wall-alerts.png` });
    console.log(`wall saw each transition after (ms): ${JSON.stringify(delays)}`);
    expect(
      Object.values(delays).every((ms) => ms < VISIBLE_WITHIN_MS),
      JSON.stringify(delays),
    ).toBe(true);
  }, 180_000);

  it('catches a wall up on the case changes made while it was offline, without a reload', async () => {
    const { json: city } = await api('/api/v1/city');
    const all = (city as unknown as CityDocument).segments;
    const segment = all[all.length - 1]!;
    const { json: issued } = await api('/api/v1/admin/wall-tokens', {
      method: 'POST',
      body: { screenName: 'e2e-wall-offline' },
    });
    const { json: key } = await api('/api/v1/admin/ingest-keys', {
      method: 'POST',
      body: { source: 'e2e-offline', feeds: ['traffic'] },
    });
    const wallToken = String(issued.token);
    const ingestKey = String(key.key);
    const wallContext = await signedInContext('/api/v1/auth/wall-sign-in', { token: wallToken }, { width: 1280, height: 720 }); // prettier-ignore
    const wall = await wallContext.newPage();
    await wall.goto(`${server.baseUrl}/wall`);
    await wall.getByTestId('wall-alerts').waitFor({ timeout: 60_000 });
    await api('/api/v1/ingest/traffic', {
      method: 'POST',
      headers: { 'x-api-key': ingestKey },
      body: [{ segmentId: segment.id, observedAt: Date.now(), speedKmh: segment.freeFlowKmh / 3 }],
    });
    const find = async () => {
      for (let i = 0; i < 60; i++) {
        const { json } = await api('/api/v1/cases');
        const found = (json.cases as { id: string; revision: number; alerts: { entityId: string }[] }[]).find((c) => c.alerts.some((a) => a.entityId === segment.id)); // prettier-ignore
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      throw new Error('no case opened');
    };
    const opened = await find();
    await wall
      .locator(`[data-testid="wall-case"][data-case-id="${opened.id}"]`)
      .waitFor({ state: 'attached', timeout: 30_000 })
      .catch(async (error: unknown) => {
        const shown = await wall.locator('[data-testid="wall-case"]').evaluateAll((items) => items.map((i) => i.getAttribute('data-case-id'))); // prettier-ignore
        const badges = await wall.locator('[data-testid="connection-badge"]').evaluateAll((items) => items.map((i) => i.getAttribute('data-state'))); // prettier-ignore
        throw new Error(
          `wall shows ${JSON.stringify(shown)}, connection ${JSON.stringify(badges)}: ${String(error)}`,
        );
      });
    const marks = await wall.evaluate(() => performance.getEntriesByType('navigation').length);

    // Offline emulation stops the frames at once; the client notices the dead socket by its heartbeat
    // (ping interval + timeout: up to 45 s), then shows disconnected.
    await wallContext.setOffline(true);
    await wall.locator('[data-testid="connection-badge"][data-state="disconnected"]').first().waitFor({ timeout: 60_000 }); // prettier-ignore
    const { json: filed } = await api(`/api/v1/cases/${opened.id}/actions`, { method: 'POST', body: { type: 'file', revision: opened.revision } }); // prettier-ignore
    const revision = (filed.case as { revision: number }).revision;
    await api(`/api/v1/cases/${opened.id}/actions`, { method: 'POST', body: { type: 'dismiss', revision, reason: 'e2e: duplicate' } }); // prettier-ignore
    await wall.waitForTimeout(1000);
    const whileOffline = await wall.locator(`[data-testid="wall-case"][data-case-id="${opened.id}"]`).getAttribute('data-status'); // prettier-ignore
    await wallContext.setOffline(false);
    await wall.locator(`[data-testid="wall-case"][data-case-id="${opened.id}"][data-status="dismissed"]`).waitFor({ state: 'attached', timeout: 30_000 }); // prettier-ignore
    expect([whileOffline, await wall.evaluate(() => performance.getEntriesByType('navigation').length)]).toEqual(['detected', marks]); // prettier-ignore
    await wallContext.close();
  }, 180_000);

  it('lists, creates with explained errors, and expires a silence on /ops/rules', async () => {
    const context = await signedInContext('/api/v1/auth/sign-in', { username: 'admin', password: ADMIN_PASSWORD }, { width: 1366, height: 768 }); // prettier-ignore
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/ops/rules`);
    const panel = page.getByTestId('silences-panel');
    await panel.waitFor({ timeout: 60_000 });
    await panel.getByRole('button', { name: /新建屏蔽|New silence/ }).click();
    const form = page.getByTestId('silence-form');
    await form.getByRole('button', { name: /创建屏蔽|Create silence/ }).click();
    await expect
      .poll(() => page.getByTestId('silence-errors').locator('li').allTextContents())
      .toEqual(['第 1 条条件: 值不能为空', '请填写原因（如道路施工）']);
    await form.locator('input').first().fill('e2e-severe');
    await form.locator('select').first().selectOption('rule');
    await form
      .locator('label', { hasText: /原因|Reason/ })
      .locator('input')
      .fill('道路施工 e2e');
    await form.getByRole('button', { name: /创建屏蔽|Create silence/ }).click();
    const active = page.getByTestId('silences-active').getByTestId('silence-row');
    await active.first().waitFor({ timeout: 15_000 });
    expect(await active.first().textContent()).toContain('rule = e2e-severe');
    // A silenced alert stays listed, marked (the engine applies the silence at its next evaluation).
    await page.getByTestId('firing-alerts').locator('.ops-silenced').first().waitFor({ timeout: 30_000 });
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOT_DIR}/ops-silences.png` });
    await active
      .first()
      .getByRole('button', { name: /结束|Expire/ })
      .click();
    await expect.poll(() => active.count(), { timeout: 15_000 }).toBe(0);
    await context.close();
  }, 120_000);
});
