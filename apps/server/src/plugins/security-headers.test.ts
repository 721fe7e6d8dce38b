import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { resolveConfigPath } from '../config';
import { buildTestApp } from '../testing/test-app';
import { CONTENT_SECURITY_POLICY } from './security-headers';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('security headers', () => {
  it('sends the CSP, framing, sniffing and referrer headers on an API answer, with no-store', async () => {
    ({ app } = await buildTestApp());
    const response = await app.inject('/api/v1/health/live');
    expect(response.headers).toMatchObject({
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('admits no inline or evaluated script and no third-party origin', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|ws:|wss:|\*/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('the web page has no style or script element inline, which the CSP would block', () => {
    const html = readFileSync(resolveConfigPath('apps/web/index.html'), 'utf8');
    expect(html).not.toMatch(/<style/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);
  });

  it('refuses a cross-origin write before reading it', async () => {
    ({ app } = await buildTestApp());
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { origin: 'https://evil.example' },
      payload: { username: 'admin', password: 'whatever it is' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'CBO_ERR_CROSS_ORIGIN' });
  });
});
