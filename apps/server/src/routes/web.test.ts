import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../testing/test-app';

let app: FastifyInstance | undefined;
let webDir: string | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
  if (webDir) await rm(webDir, { recursive: true, force: true });
  webDir = undefined;
});

async function buildWithWeb(): Promise<FastifyInstance> {
  webDir = await mkdtemp(join(tmpdir(), 'cbo-web-'));
  await writeFile(join(webDir, 'index.html'), '<!doctype html><title>wall</title>');
  await writeFile(join(webDir, 'app.js'), 'console.log(1);');
  ({ app } = await buildTestApp({ WEB_DIST: webDir }));
  return app;
}

describe('web app', () => {
  it('answers /wall with 503 and says to run pnpm build when the app is not built', async () => {
    ({ app } = await buildTestApp());
    const response = await app.inject('/wall');
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({
      code: 'CBO_ERR_WEB_NOT_BUILT',
      message: expect.stringContaining('run `pnpm build`'),
    });
  });

  it('redirects / to /wall', async () => {
    ({ app } = await buildTestApp());
    const response = await app.inject('/');
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/wall');
  });

  it('keeps the query string when redirecting / to /wall', async () => {
    ({ app } = await buildTestApp());
    const response = await app.inject('/?lang=en');
    expect(response.headers.location).toBe('/wall?lang=en');
  });

  it('serves index.html for /wall and its client routes', async () => {
    const target = await buildWithWeb();
    const screens = ['/wall', '/login', '/admin', '/ops', '/ops/rules', '/replay', '/water', '/bikes'];
    for (const url of [...screens, '/wall/scene/2']) {
      const response = await target.inject(url);
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('<title>wall</title>');
    }
  });

  it('serves static assets with security headers', async () => {
    const target = await buildWithWeb();
    const response = await target.inject('/app.js');
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['content-security-policy']).toContain("worker-src 'self' blob:");
  });

  it('answers an unknown API route with a stable 404 code', async () => {
    ({ app } = await buildTestApp());
    const response = await app.inject('/api/v1/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'CBO_ERR_NOT_FOUND' });
  });
});
