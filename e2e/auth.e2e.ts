import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_HOSTS, launchBrowser, recordRequestHosts } from './support/browser';
import type { TestBrowser } from './support/browser';
import { E2E_ADMIN_PASSWORD, REPO_ROOT, startServer } from './support/server-process';
import type { ServerProcess } from './support/server-process';
import { createIngestKey, revokeWallToken, signInAdmin } from './support/auth-api';

const SCREENSHOT_DIR = `${REPO_ROOT}docs/screenshots`;

let server: ServerProcess;
let testBrowser: TestBrowser;

beforeAll(async () => {
  server = await startServer({ SIM: 'off' });
  testBrowser = await launchBrowser();
});

afterAll(async () => {
  await testBrowser?.close();
  await server?.stop();
});

describe('sign-in, /admin and a kiosk wall', () => {
  it('sends a signed-out visitor of /admin to /login, signs in, issues a wall token, and the wall shows revocation', async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const page = await testBrowser.newPage({ width: 1280, height: 800 });
    const hosts = recordRequestHosts(page);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const failedRequests: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400 && !response.url().endsWith('/auth/me')) {
        failedRequests.push(`${response.status()} ${response.url()}`);
      }
    });

    // Signed out: /admin goes to /login?next=/admin (zh-CN first).
    await page.goto(`${server.baseUrl}/admin`, { waitUntil: 'commit' });
    await page
      .getByTestId('login-screen')
      .waitFor({ timeout: 40_000 })
      .catch((error: unknown) => {
        throw new Error(`no login screen at ${page.url()}; failed: ${failedRequests.join(', ')}`, {
          cause: error,
        });
      });
    expect(new URL(page.url()).searchParams.get('next')).toBe('/admin');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/login.png` });

    // A wrong password is refused with a message; the right one lands on /admin.
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('not the password at all');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toBe('用户名或密码错误');
    await page.getByTestId('login-password').fill(E2E_ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('admin-screen').waitFor({ timeout: 20_000 });
    await page.getByTestId('user-row-admin').waitFor();

    // Issue a wall token from the screen; its link is shown once.
    await page.getByTestId('admin-tab-walls').click();
    await page.getByTestId('wall-screen-name').fill('hall-left');
    await page.getByTestId('wall-issue').click();
    const link = (await page.getByTestId('wall-token-issued').locator('code').textContent()) ?? '';
    expect(link).toMatch(/\/wall\?token=cbo_wall_/);
    await page.getByTestId('wall-row-hall-left').waitFor();

    // The audit log shows the sign-ins and the issue.
    await page.getByTestId('admin-tab-audit').click();
    await page.getByTestId('admin-audit').getByText('wall-token.issue').waitFor();
    await page.getByTestId('admin-audit').getByText('auth.sign-in-failed').waitFor();
    await page.getByTestId('language-toggle').click();
    await page.getByTestId('admin-tab-users').click();
    await page.getByTestId('user-row-admin').waitFor();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/admin.png` });
    await page.close();

    // A kiosk (its own browser profile, never signed in) opens the link once: the token leaves the URL.
    const kioskBrowser = await launchBrowser();
    try {
      const wall = await kioskBrowser.newPage({ width: 1280, height: 720 });
      const wallHosts = recordRequestHosts(wall);
      const violations: string[] = [];
      wall.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await wall.goto(link);
      await wall.getByTestId('wall').waitFor({ timeout: 20_000 });
      expect(new URL(wall.url()).search).toBe('');
      // Data reaches it through an ingest key and the live socket.
      const admin = await signInAdmin(server.baseUrl);
      const key = await createIngestKey(server.baseUrl, admin, 'e2e-auth-probe');
      const city = (await (
        await fetch(`${server.baseUrl}/api/v1/city`, { headers: { cookie: admin } })
      ).json()) as { segments: { id: string; freeFlowKmh: number }[] };
      const readings = city.segments.map((s) => ({
        segmentId: s.id,
        observedAt: Date.now(),
        speedKmh: s.freeFlowKmh,
      }));
      const ingest = await fetch(`${server.baseUrl}/api/v1/ingest/traffic`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body: JSON.stringify(readings),
      });
      expect(ingest.status).toBe(200);
      await expect
        .poll(async () => /\d/.test((await wall.getByTestId('kpi-tti').textContent()) ?? ''), {
          timeout: 20_000,
        })
        .toBe(true);
      // Reloaded without the token, it stays signed in (the wall cookie).
      await wall.goto(`${server.baseUrl}/wall`);
      await wall.getByTestId('wall').waitFor({ timeout: 20_000 });

      // Revoked: the running wall says so, clearly.
      const cookie = await signInAdmin(server.baseUrl);
      const tokens = (await (
        await fetch(`${server.baseUrl}/api/v1/admin/wall-tokens`, { headers: { cookie } })
      ).json()) as { id: string; screenName: string }[];
      const hallLeft = tokens.find((token) => token.screenName === 'hall-left');
      await revokeWallToken(server.baseUrl, cookie, hallLeft?.id ?? '');
      await expect
        .poll(() => wall.getByTestId('screen-message').textContent(), { timeout: 20_000 })
        .toContain('本大屏的授权已被撤销');
      await wall.screenshot({ path: `${SCREENSHOT_DIR}/wall-revoked.png` });
      expect([...wallHosts].filter((host) => !LOCAL_HOSTS.has(host))).toEqual([]);
      // The strict CSP let MapLibre, deck.gl and the socket work: nothing was blocked.
      expect(violations).toEqual([]);
    } finally {
      await kioskBrowser.close();
    }
    expect(pageErrors).toEqual([]);
    expect([...hosts].filter((host) => !LOCAL_HOSTS.has(host))).toEqual([]);
  });
});
