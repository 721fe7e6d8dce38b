import { E2E_ADMIN_PASSWORD } from './server-process';

/** Signs in as the test server's first admin; returns the `cookie` header value. */
export async function signInAdmin(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: E2E_ADMIN_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in failed: HTTP ${response.status}`);
  const setCookie = response.headers.get('set-cookie') ?? '';
  return setCookie.split(';')[0] ?? '';
}

async function adminPost(baseUrl: string, cookie: string, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path} failed: HTTP ${response.status}`);
  return response.json();
}

/** Issues a wall kiosk token for `screenName`; returns its id, the token and the wall URL path. */
export async function issueWallToken(
  baseUrl: string,
  cookie: string,
  screenName: string,
): Promise<{ id: string; token: string; url: string }> {
  const answer = (await adminPost(baseUrl, cookie, '/admin/wall-tokens', { screenName })) as {
    wallToken: { id: string };
    token: string;
    url: string;
  };
  return { id: answer.wallToken.id, token: answer.token, url: answer.url };
}

/** Revokes a wall token. */
export async function revokeWallToken(baseUrl: string, cookie: string, id: string): Promise<void> {
  await adminPost(baseUrl, cookie, `/admin/wall-tokens/${id}/revoke`, {});
}

/** Creates an ingest key for `source` writing the traffic feed; returns the key (send as x-api-key). */
export async function createIngestKey(baseUrl: string, cookie: string, source: string): Promise<string> {
  const answer = (await adminPost(baseUrl, cookie, '/admin/ingest-keys', { source, feeds: ['traffic'] })) as {
    key: string;
  };
  return answer.key;
}
