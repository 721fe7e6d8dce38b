import { useEffect } from 'react';
import { queryOptions, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { fetchSession, type SessionState } from './auth-api';
import { onAuthRefused } from './auth-events';

/** Query of who is signed in; re-checked every minute so a revoked wall learns it even when idle. */
export function sessionQuery() {
  return queryOptions({
    queryKey: ['auth', 'me'] as const,
    queryFn: ({ signal }): Promise<SessionState> => fetchSession(signal),
    staleTime: 30_000,
    refetchInterval: 60_000,
  });
}

/** Who is signed in (`GET /api/v1/auth/me`); refetched at once when a request or socket is refused. */
export function useSession(): UseQueryResult<SessionState> {
  const queryClient = useQueryClient();
  useEffect(
    () => onAuthRefused(() => void queryClient.invalidateQueries({ queryKey: sessionQuery().queryKey })),
    [queryClient],
  );
  return useQuery(sessionQuery());
}
