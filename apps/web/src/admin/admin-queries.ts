import { queryOptions } from '@tanstack/react-query';
import { AuditPageSchema, IngestKeyListSchema, UserListSchema, WallTokenListSchema } from '@cbo/contracts';
import { fetchValidated } from '../api/fetch-validated';

/** Users, newest state (admin only). */
export function usersQuery() {
  return queryOptions({
    queryKey: ['admin', 'users'] as const,
    queryFn: ({ signal }) => fetchValidated('/api/v1/admin/users', UserListSchema, signal),
  });
}

/** Wall kiosk tokens (admin only). */
export function wallTokensQuery() {
  return queryOptions({
    queryKey: ['admin', 'wall-tokens'] as const,
    queryFn: ({ signal }) => fetchValidated('/api/v1/admin/wall-tokens', WallTokenListSchema, signal),
  });
}

/** Ingest keys (admin only). */
export function ingestKeysQuery() {
  return queryOptions({
    queryKey: ['admin', 'ingest-keys'] as const,
    queryFn: ({ signal }) => fetchValidated('/api/v1/admin/ingest-keys', IngestKeyListSchema, signal),
  });
}

/** One page of the audit log, newest first, before `beforeSeq` when given. */
export function auditQuery(beforeSeq?: number) {
  return queryOptions({
    queryKey: ['admin', 'audit', beforeSeq ?? null] as const,
    queryFn: ({ signal }) =>
      fetchValidated(
        `/api/v1/admin/audit${beforeSeq === undefined ? '' : `?beforeSeq=${beforeSeq}`}`,
        AuditPageSchema,
        signal,
      ),
  });
}
