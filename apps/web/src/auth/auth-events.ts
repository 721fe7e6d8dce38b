/** Codes of refusals that mean the screen's credentials are gone. */
const AUTH_CODES = new Set(['CBO_ERR_UNAUTHENTICATED', 'CBO_ERR_WALL_TOKEN_REVOKED']);

type Listener = (code: string) => void;
const listeners = new Set<Listener>();

/**
 * Tells the session query that a request or socket was refused for its credentials (e.g. the wall token was
 * revoked while the wall ran), so it asks `/auth/me` again and the screen shows why. Other codes are ignored.
 */
export function reportAuthRefused(code: string | undefined): void {
  if (!code || !AUTH_CODES.has(code)) return;
  for (const listener of listeners) listener(code);
}

/** Subscribes to {@link reportAuthRefused}; returns the unsubscribe function. */
export function onAuthRefused(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
