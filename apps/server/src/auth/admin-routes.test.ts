import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, TEST_START_AT } from '../testing/test-app';
import { signInAs } from '../testing/sign-in';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function asAdmin(): Promise<{ app: FastifyInstance; cookie: string }> {
  ({ app } = await buildTestApp({ ADMIN_PASSWORD: 'first admin password' }));
  return { app, cookie: (await signInAs(app, 'admin')).cookie };
}

function post(target: FastifyInstance, cookie: string, url: string, payload: unknown = {}) {
  return target.inject({
    method: 'POST',
    url: `/api/v1${url}`,
    headers: { cookie },
    payload: payload as object,
  });
}

function ingest(target: FastifyInstance, key: string) {
  const segment = target.city.segments[0]!;
  return target.inject({
    method: 'POST',
    url: '/api/v1/ingest/traffic',
    headers: { 'x-api-key': key },
    payload: [{ segmentId: segment.id, observedAt: TEST_START_AT - 1000, speedKmh: 30 }],
  });
}

describe('admin: users', () => {
  it('creates a user who can then sign in, and audits it without the password', async () => {
    const { app: target, cookie } = await asAdmin();
    const created = await post(target, cookie, '/admin/users', {
      username: 'duty.li',
      password: 'a long enough password',
      role: 'officer',
    });
    expect(created.statusCode).toBe(201);
    const signIn = await target.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { username: 'duty.li', password: 'a long enough password' },
    });
    expect(signIn.json()).toMatchObject({ actor: { name: 'duty.li', role: 'officer' } });
    const [entry] = await target.auth.audit.list({ action: 'user.create' });
    expect(entry).toMatchObject({
      target: created.json().id,
      detail: { username: 'duty.li', role: 'officer' },
    });
    expect(JSON.stringify(entry)).not.toContain('a long enough password');
  });

  it('refuses a password shorter than 12 characters', async () => {
    const { app: target, cookie } = await asAdmin();
    const response = await post(target, cookie, '/admin/users', {
      username: 'duty.wang',
      password: 'short',
      role: 'officer',
    });
    expect(response.statusCode).toBe(400);
  });

  it('disabling a user ends their sessions at once', async () => {
    const { app: target, cookie } = await asAdmin();
    const officer = await signInAs(target, 'officer');
    const response = await target.inject({
      method: 'PATCH',
      url: `/api/v1/admin/users/${officer.actor.id}`,
      headers: { cookie },
      payload: { disabled: true },
    });
    expect(response.statusCode).toBe(200);
    const me = await target.inject({ url: '/api/v1/auth/me', headers: { cookie: officer.cookie } });
    expect(me.statusCode).toBe(401);
  });

  it('will not disable the last active admin', async () => {
    ({ app } = await buildTestApp());
    const admin = await signInAs(app, 'admin');
    const first = (await app.auth.users.list()).find((user) => user.username === 'admin')!;
    await app.auth.users.update(first.id, { disabled: true });
    const response = await app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/users/${admin.actor.id}`,
      headers: { cookie: admin.cookie },
      payload: { disabled: true },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'CBO_ERR_LAST_ADMIN' });
  });
});

describe('admin: wall tokens', () => {
  it('issues a token with its wall URL, lists it without the secret, and revokes it', async () => {
    const { app: target, cookie } = await asAdmin();
    const issued = (await post(target, cookie, '/admin/wall-tokens', { screenName: 'hall-left' })).json();
    expect(issued.url).toBe(`/wall?token=${issued.token}`);
    const list = await target.inject({ url: '/api/v1/admin/wall-tokens', headers: { cookie } });
    expect(list.body).not.toContain(issued.token);
    expect(list.json()).toMatchObject([{ screenName: 'hall-left', revokedAt: null }]);
    await post(target, cookie, `/admin/wall-tokens/${issued.wallToken.id}/revoke`);
    const me = await target.inject({
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${issued.token}` },
    });
    expect(me.json()).toMatchObject({ code: 'CBO_ERR_WALL_TOKEN_REVOKED' });
  });
});

describe('admin: ingest keys', () => {
  it('rotation keeps the old key valid for the grace period and the new one valid at once', async () => {
    const { app: target, cookie } = await asAdmin();
    const created = (
      await post(target, cookie, '/admin/ingest-keys', { source: 'probe', feeds: ['traffic'] })
    ).json();
    const rotated = (
      await post(target, cookie, `/admin/ingest-keys/${created.ingestKey.id}/rotate`, { graceS: 3600 })
    ).json();
    expect((await ingest(target, created.key)).statusCode).toBe(200);
    expect((await ingest(target, rotated.key)).statusCode).toBe(200);
    const old = await target.auth.ingestKeys.findById(created.ingestKey.id);
    expect(old!.expiresAt! - Date.now()).toBeGreaterThan(3_500_000);
  });

  it('rotation with no grace ends the old key at once', async () => {
    const { app: target, cookie } = await asAdmin();
    const created = (
      await post(target, cookie, '/admin/ingest-keys', { source: 'probe', feeds: ['traffic'] })
    ).json();
    const rotated = (
      await post(target, cookie, `/admin/ingest-keys/${created.ingestKey.id}/rotate`, { graceS: 0 })
    ).json();
    expect((await ingest(target, created.key)).statusCode).toBe(401);
    expect((await ingest(target, rotated.key)).statusCode).toBe(200);
  });

  it('stores keys hashed: the secret is nowhere in the store', async () => {
    const { app: target, cookie } = await asAdmin();
    const created = (
      await post(target, cookie, '/admin/ingest-keys', { source: 'probe', feeds: ['traffic'] })
    ).json();
    const rows = await target.store.all('SELECT * FROM ingest_keys');
    expect(JSON.stringify(rows)).not.toContain(created.key);
    expect(JSON.stringify(rows)).toContain(created.ingestKey.prefix);
  });
});

describe('admin: audit log', () => {
  it('lists entries newest first with actor, time and source address; analysts are refused', async () => {
    const { app: target, cookie } = await asAdmin();
    await post(target, cookie, '/admin/wall-tokens', { screenName: 'hall-right' });
    const page = (await target.inject({ url: '/api/v1/admin/audit', headers: { cookie } })).json();
    expect(page.entries[0]).toMatchObject({
      action: 'wall-token.issue',
      actorRole: 'admin',
      sourceAddress: '127.0.0.1',
      detail: { screenName: 'hall-right' },
    });
    const analyst = await signInAs(target, 'analyst');
    const refused = await target.inject({ url: '/api/v1/admin/audit', headers: { cookie: analyst.cookie } });
    expect(refused.statusCode).toBe(403);
  });
});
