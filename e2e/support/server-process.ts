import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Password of the first admin of every test server (set through ADMIN_PASSWORD). */
export const E2E_ADMIN_PASSWORD = 'e2e-admin-password-not-secret';

/** Repository root (the server resolves its relative paths against it too). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A running server child process. */
export interface ServerProcess {
  baseUrl: string;
  pid: number;
  /** Recent output, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/** Finds a free loopback port by listening on port 0 and closing again. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(
  baseUrl: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/api/v1/health/live`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server did not become healthy within ${timeoutMs} ms:\n${output()}`);
}

/**
 * Starts `apps/server/src/server.ts` with tsx on a free loopback port, serving the built web app, and waits
 * for `/api/v1/health/live`. The first admin is `admin` with {@link E2E_ADMIN_PASSWORD}.
 *
 * @param env - extra environment (SIM, SIM_SPEED, FRESH_FOR_MS …)
 */
export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(`${REPO_ROOT}node_modules/.bin/tsx`, ['apps/server/src/server.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      SIM: 'off',
      LOG_LEVEL: 'warn',
      // A store of its own per server, so tests never meet a developer's data or each other's.
      DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'cbo-e2e-')), 'store.duckdb'),
      ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
      ...env,
      HOST: '127.0.0.1',
      PORT: String(port),
      WEB_DIST: 'apps/web/dist',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const append = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const output = () => log;
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    process.kill(child.pid, 'SIGTERM');
    const timer = setTimeout(() => {
      if (child.exitCode === null && child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
    }, 5000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitForHealth(baseUrl, child, output, 120_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, pid: child.pid ?? -1, output, stop };
}
