import { Value } from '@sinclair/typebox/value';
import { SessionInfoSchema, type SessionInfo } from '@cbo/contracts';

/** An API answer that was not 2xx, with the server's stable error code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Reads an error answer's code and message (`{ code, message }`), whatever its shape. */
export async function toApiError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  const code = typeof body['code'] === 'string' ? body['code'] : `HTTP_${response.status}`;
  const message = typeof body['message'] === 'string' ? body['message'] : response.statusText;
  return new ApiError(response.status, code, message);
}

/** Sends JSON with the method given and returns the parsed answer (or null for 204). Cookies go along. */
export async function sendJson(method: 'POST' | 'PATCH', url: string, body?: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  if (!response.ok) throw await toApiError(response);
  return response.status === 204 ? null : ((await response.json()) as unknown);
}

/** Who is signed in: the session, or the refusal (code `CBO_ERR_UNAUTHENTICATED` or `..._WALL_TOKEN_REVOKED`). */
export type SessionState = { kind: 'signed-in'; session: SessionInfo } | { kind: 'signed-out'; code: string };

/** `GET /api/v1/auth/me` as a {@link SessionState}; throws on other failures (network, 5xx). */
export async function fetchSession(signal?: AbortSignal): Promise<SessionState> {
  const response = await fetch('/api/v1/auth/me', { signal, headers: { accept: 'application/json' } });
  if (response.status === 401) return { kind: 'signed-out', code: (await toApiError(response)).code };
  if (!response.ok) throw await toApiError(response);
  const body: unknown = await response.json();
  if (!Value.Check(SessionInfoSchema, body))
    throw new Error('/api/v1/auth/me: answer does not match its contract');
  return { kind: 'signed-in', session: body };
}

/** Signs in with username and password; the server sets the session cookie. */
export async function signIn(username: string, password: string): Promise<SessionInfo> {
  return (await sendJson('POST', '/api/v1/auth/sign-in', { username, password })) as SessionInfo;
}

/** Exchanges a wall kiosk token (from `/wall?token=...`) for the long-lived wall cookie. */
export async function wallSignIn(token: string): Promise<SessionInfo> {
  return (await sendJson('POST', '/api/v1/auth/wall-sign-in', { token })) as SessionInfo;
}

/** Ends the session. */
export async function signOut(): Promise<void> {
  await sendJson('POST', '/api/v1/auth/sign-out');
}

/** A `next` target that stays on this site (a path, never `//host` or a scheme), else `/wall`. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/wall';
  return next;
}
