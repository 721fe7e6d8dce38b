import type { IngestFeed, Role } from '@cbo/contracts';
import type { RouteOptions } from 'fastify';

/**
 * Who may call a route: roles (session or wall token), an ingest key for a feed, or anyone. Declared by
 * `app.requireRole(...)`, `app.requireIngestKey(feed)` or `config: { access: 'public' }`; routes outside
 * `/api/` (the static screens) are public.
 */
export type RouteAccess =
  | { kind: 'roles'; roles: readonly Role[] }
  | { kind: 'ingest'; feed: IngestFeed }
  | { kind: 'public' }
  | { kind: 'undeclared' };

/** One row of the route table with its declared access. */
export interface RouteAccessEntry {
  method: string;
  url: string;
  access: RouteAccess;
}

/** Marks a preHandler function with the access it enforces. */
export const ROUTE_ACCESS = Symbol('cbo.routeAccess');

/** A preHandler carrying the access it enforces, so the route table can be read back. */
export type AccessTagged = { [ROUTE_ACCESS]?: RouteAccess };

/** Attaches `access` to `handler` and returns it. */
export function tagAccess<T extends object>(handler: T, access: RouteAccess): T {
  (handler as AccessTagged)[ROUTE_ACCESS] = access;
  return handler;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** `'public'` for an /api/ route anyone may call (sign-in, liveness). */
    access?: 'public';
  }
}

/** The access a route declares, from its preHandlers, its config or its URL. */
export function routeAccessOf(route: RouteOptions): RouteAccess {
  const handlers = [route.onRequest, route.preHandler].flat().filter((handler) => handler !== undefined);
  for (const handler of handlers) {
    const access = (handler as AccessTagged)[ROUTE_ACCESS];
    if (access) return access;
  }
  if (route.config?.access === 'public') return { kind: 'public' };
  if (!route.url.startsWith('/api/')) return { kind: 'public' };
  return { kind: 'undeclared' };
}

/** Route table with access, filled by an onRoute hook of the auth plugin. */
export function createRouteAccessTable(): { entries: RouteAccessEntry[]; add(route: RouteOptions): void } {
  const entries: RouteAccessEntry[] = [];
  return {
    entries,
    add(route) {
      const access = routeAccessOf(route);
      for (const method of [route.method].flat()) entries.push({ method, url: route.url, access });
    },
  };
}

/**
 * Moves an access check given as a preHandler to the route's onRequest hooks, so a caller without the right
 * credentials is refused before the body is read and validated (never a 400 that tells an anonymous caller
 * about the body's shape). Route-level onRequest hooks run after the app's, which resolve the credentials.
 */
export function checkBeforeParsing(route: RouteOptions): void {
  if (route.preHandler === undefined) return;
  const handlers = [route.preHandler].flat();
  const checks = handlers.filter((handler) => (handler as AccessTagged)[ROUTE_ACCESS] !== undefined);
  if (checks.length === 0) return;
  route.preHandler = handlers.filter((handler) => !checks.includes(handler));
  route.onRequest = [...checks, ...[route.onRequest ?? []].flat()] as unknown as RouteOptions['onRequest'];
}
