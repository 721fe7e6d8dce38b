/**
 * CORS is closed by default: no Access-Control-* header is ever sent, so browsers refuse cross-origin reads, and
 * this check refuses cross-origin writes and socket handshakes (the Origin header names another site). Requests
 * without an Origin header (servers, curl, same-origin GETs) pass; their credentials are checked as usual.
 */
export function createOriginPolicy(
  corsOrigins: string,
): (origin: string | undefined, host: string | undefined) => boolean {
  const allowed = new Set(
    corsOrigins
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin.length > 0),
  );
  return (origin, host) => {
    if (origin === undefined) return true;
    if (allowed.has(origin)) return true;
    try {
      return host !== undefined && new URL(origin).host === host;
    } catch {
      return false;
    }
  };
}
