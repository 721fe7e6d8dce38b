/** How long a resolved credential is trusted before the store is asked again, ms. */
export const CREDENTIAL_CACHE_MS = 5_000;
const MAX_ENTRIES = 10_000;

/**
 * A short-lived cache of credential look-ups (token hash -> result), so a busy wall or ingest sender does not
 * query the store per request. Any change to users, sessions, tokens or keys clears it, so within one process a
 * revocation takes effect at once; across processes within {@link CREDENTIAL_CACHE_MS}.
 */
export interface CredentialCache<T> {
  get(key: string, now: number): T | undefined;
  set(key: string, value: T, now: number): void;
  clear(): void;
}

/** A cache as described by {@link CredentialCache}. */
export function createCredentialCache<T>(ttlMs: number = CREDENTIAL_CACHE_MS): CredentialCache<T> {
  const entries = new Map<string, { value: T; at: number }>();
  return {
    get(key, now) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (now - entry.at >= ttlMs) {
        entries.delete(key);
        return undefined;
      }
      return entry.value;
    },
    set(key, value, now) {
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(key, { value, at: now });
    },
    clear() {
      entries.clear();
    },
  };
}
