import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../testing/test-app';
import { signInAs } from '../testing/sign-in';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function appWithAdminPassword(): Promise<FastifyInstance> {
  ({ app } = await buildTestApp({ ADMIN_PASSWORD: 'correct horse battery', COOKIE_SECURE: 'never' }));
  return app;
}

function cookieOf(setCookie: string | string[] | undefined): string {
  const header = [setCookie ?? []].flat()[0] ?? '';
  return header.split(';')[0] ?? '';
}

describe('sign-in', () => {
  it('signs the first admin in with ADMIN_PASSWORD and sets an HttpOnly SameSite=Strict cookie', async () => {
    const server = await appWithAdminPassword();
    const response = await server.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { username: 'admin', password: 'correct horse battery' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ actor: { name: 'admin', role: 'admin', kind: 'user' } });
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/^cbo_session=cbo_s_/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
  });

  it('answers 401 with a stable code for a wrong password, and records the failure', async () => {
    const server = await appWithAdminPassword();
    const response = await server.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { username: 'admin', password: 'wrong password here' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'CBO_ERR_SIGN_IN_FAILED' });
    const audit = await server.auth.audit.list({});
    expect(audit.map((entry) => entry.action)).toEqual(['auth.sign-in-failed']);
  });

  it('the session cookie identifies the user on /auth/me until sign-out', async () => {
    const server = await appWithAdminPassword();
    const signIn = await server.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { username: 'admin', password: 'correct horse battery' },
    });
    const cookie = cookieOf(signIn.headers['set-cookie']);
    const me = await server.inject({ url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ actor: { name: 'admin' } });
    const signOut = await server.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      headers: { cookie },
    });
    expect(signOut.statusCode).toBe(204);
    const after = await server.inject({ url: '/api/v1/auth/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('creates a first admin with a printed one-time password when ADMIN_PASSWORD is unset', async () => {
    const announced: string[] = [];
    const { buildApp } = await import('../app');
    const { loadTestCity } = await import('../testing/test-app');
    app = await buildApp(
      { SIM: 'off', LOG_LEVEL: 'silent', DATABASE_PATH: ':memory:', WEB_DIST: 'apps/server/no-web-dist' },
      {
        city: await loadTestCity(),
        announceFirstAdmin: (username, password) => announced.push(username, password),
      },
    );
    expect(announced[0]).toBe('admin');
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { username: 'admin', password: announced[1] },
    });
    expect(response.statusCode).toBe(200);
  });

  it('signInAs gives a cookie that passes requireRole for its role', async () => {
    ({ app } = await buildTestApp());
    const { cookie, actor } = await signInAs(app, 'officer');
    const me = await app.inject({ url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ actor: { id: actor.id, role: 'officer' } });
  });

  it('signInAs(wall) gives a wall cookie whose actor is the screen', async () => {
    ({ app } = await buildTestApp());
    const { cookie, actor } = await signInAs(app, 'wall');
    const me = await app.inject({ url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ actor: { id: actor.id, role: 'wall', kind: 'wall' }, expiresAt: null });
  });

  it('limits sign-in attempts per address with 429 and a stable code', async () => {
    ({ app } = await buildTestApp({ SIGN_IN_LIMIT_PER_MIN: 2 }));
    const attempt = () =>
      app!.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { username: 'admin', password: 'guessing again' },
      });
    expect((await attempt()).statusCode).toBe(401);
    expect((await attempt()).statusCode).toBe(401);
    const third = await attempt();
    expect(third.statusCode).toBe(429);
    expect(third.json()).toMatchObject({ code: 'CBO_ERR_TOO_MANY_REQUESTS' });
  });
});
