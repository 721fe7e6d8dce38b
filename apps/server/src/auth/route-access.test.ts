import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { INGEST_FEEDS, ROLES, type IngestFeed, type Role } from '@cbo/contracts';
import { buildTestApp } from '../testing/test-app';
import { createTestIngestKey, signInAs } from '../testing/sign-in';
import type { RouteAccessEntry } from './route-access';

/**
 * Walks every route of the app (read from Fastify's route table through the auth plugin's onRoute hook, so
 * routes added later are covered without editing this file) with every role, with no credentials and with
 * ingest keys, and checks the answer against the access the route declares. One app for the whole walk: the
 * calls are read-only or refused, and building an app per call would take minutes.
 */
let app: FastifyInstance;
const cookies = new Map<Role, string>();
const keys = new Map<IngestFeed, string>();

beforeAll(async () => {
  ({ app } = await buildTestApp({ SIGN_IN_LIMIT_PER_MIN: 10_000 }));
  for (const role of ROLES) cookies.set(role, (await signInAs(app, role)).cookie);
  for (const feed of INGEST_FEEDS) keys.set(feed, await createTestIngestKey(app, [feed], `walk-${feed}`));
}, 60_000);

afterAll(async () => {
  await app?.close();
});

/** A concrete URL for a route pattern: parameters become `x`, wildcards `x`. */
function concreteUrl(pattern: string): string {
  return pattern.replace(/:[A-Za-z0-9_]+/g, 'x').replace(/\*/g, 'x');
}

async function call(entry: RouteAccessEntry, headers: Record<string, string>): Promise<number> {
  const hasBody = !['GET', 'HEAD', 'DELETE', 'OPTIONS'].includes(entry.method);
  const response = await app.inject({
    method: entry.method as 'GET',
    url: concreteUrl(entry.url),
    headers: hasBody ? { ...headers, 'content-type': 'application/json' } : headers,
    ...(hasBody ? { payload: '{}' } : {}),
  });
  return response.statusCode;
}

/** The routes to walk; sign-out last, since it ends the sessions the walk uses. */
function walked(): RouteAccessEntry[] {
  const isSignOut = (entry: RouteAccessEntry) => entry.url.endsWith('/auth/sign-out');
  const entries = app.routeAccess.filter((entry) => entry.method !== 'HEAD');
  return [...entries.filter((entry) => !isSignOut(entry)), ...entries.filter(isSignOut)];
}

describe('every route declares its access', () => {
  it('has no /api/ route without requireRole, requireIngestKey or config.access public', () => {
    const undeclared = walked()
      .filter((entry) => entry.access.kind === 'undeclared')
      .map((entry) => `${entry.method} ${entry.url}`);
    expect(
      undeclared,
      'declare its roles: add { preHandler: app.requireRole(...) }, { onRequest: app.requireIngestKey(feed) } ' +
        "or { config: { access: 'public' } } to these routes",
    ).toEqual([]);
  });

  it('walks a route table that holds the known routes', () => {
    const urls = walked().map((entry) => `${entry.method} ${entry.url}`);
    expect(urls).toEqual(
      expect.arrayContaining([
        'GET /api/v1/city',
        'GET /api/v1/traffic/now',
        'POST /api/v1/ingest/traffic',
        'POST /api/v1/auth/sign-in',
        'GET /api/v1/admin/users',
      ]),
    );
  });
});

describe('every route answers each caller as declared', () => {
  it('role routes: 401 without credentials, 403 for other roles, neither for the roles listed', async () => {
    const wrong: string[] = [];
    for (const entry of walked()) {
      if (entry.access.kind !== 'roles') continue;
      const name = `${entry.method} ${entry.url}`;
      const anonymous = await call(entry, {});
      if (anonymous !== 401) wrong.push(`${name} without credentials: ${anonymous}, expected 401`);
      for (const role of ROLES) {
        const status = await call(entry, { cookie: cookies.get(role)! });
        const allowed = entry.access.roles.includes(role);
        if (allowed && (status === 401 || status === 403)) wrong.push(`${name} as ${role}: ${status}`);
        if (!allowed && status !== 403) wrong.push(`${name} as ${role}: ${status}, expected 403`);
      }
      const keyStatus = await call(entry, { 'x-api-key': keys.get('traffic')! });
      if (keyStatus !== 401) wrong.push(`${name} with an ingest key: ${keyStatus}, expected 401`);
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('ingest routes: 401 without a key or with a session, 403 for a key of another feed', async () => {
    const wrong: string[] = [];
    for (const entry of walked()) {
      if (entry.access.kind !== 'ingest') continue;
      const { feed } = entry.access;
      const name = `${entry.method} ${entry.url}`;
      const anonymous = await call(entry, {});
      if (anonymous !== 401) wrong.push(`${name} without a key: ${anonymous}, expected 401`);
      for (const role of ROLES) {
        const status = await call(entry, { cookie: cookies.get(role)! });
        if (status !== 401) wrong.push(`${name} as ${role}: ${status}, expected 401`);
      }
      for (const keyFeed of INGEST_FEEDS) {
        const status = await call(entry, { 'x-api-key': keys.get(keyFeed)! });
        const allowed = keyFeed === feed;
        if (allowed && (status === 401 || status === 403))
          wrong.push(`${name} with a ${keyFeed} key: ${status}`);
        if (!allowed && status !== 403) wrong.push(`${name} with a ${keyFeed} key: ${status}, expected 403`);
      }
    }
    expect(wrong).toEqual([]);
  }, 60_000);

  it('public routes answer without credentials', async () => {
    const wrong: string[] = [];
    for (const entry of walked()) {
      if (entry.access.kind !== 'public') continue;
      const status = await call(entry, {});
      if (status === 401 || status === 403) wrong.push(`${entry.method} ${entry.url}: ${status}`);
    }
    expect(wrong).toEqual([]);
  }, 60_000);

  it('only sign-in, wall sign-in and liveness are public under /api/', () => {
    const publicApi = walked()
      .filter((entry) => entry.access.kind === 'public' && entry.url.startsWith('/api/'))
      .map((entry) => `${entry.method} ${entry.url}`)
      .sort();
    expect(publicApi).toEqual([
      'GET /api/v1/health/live',
      'POST /api/v1/auth/sign-in',
      'POST /api/v1/auth/wall-sign-in',
    ]);
  });
});
