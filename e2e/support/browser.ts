import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';

/** A launched browser and the clean-up of its profile. */
export interface TestBrowser {
  /** Opens a page of the given CSS pixel size. */
  newPage: (viewport: { width: number; height: number }) => Promise<Page>;
  close: () => Promise<void>;
}

/** Launches Debian's chromium headless with a fresh profile and no background network. */
export async function launchBrowser(): Promise<TestBrowser> {
  const executablePath = execFileSync('which', ['chromium']).toString().trim();
  const userDataDir = mkdtempSync(join(tmpdir(), 'cbo-e2e-'));
  const context: BrowserContext = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    viewport: null,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    newPage: async (viewport) => {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      return page;
    },
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Records the host of every request the page makes, to prove nothing leaves the machine. */
export function recordRequestHosts(page: Page): Set<string> {
  const hosts = new Set<string>();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (
      url.protocol === 'http:' ||
      url.protocol === 'https:' ||
      url.protocol === 'ws:' ||
      url.protocol === 'wss:'
    ) {
      hosts.add(url.hostname);
    }
  });
  return hosts;
}

/** Hosts that count as this machine. */
export const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);
