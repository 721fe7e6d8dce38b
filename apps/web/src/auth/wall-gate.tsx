import { useEffect, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ROLES } from '@cbo/contracts';
import { useI18n } from '../i18n/i18n-context';
import { ScreenMessage } from '../errors/screen-message';
import { ApiError, wallSignIn } from './auth-api';
import { RequireRole } from './require-role';

/** The token in the page URL (`/wall?token=...`), if any. */
function tokenInUrl(): string | null {
  return new URLSearchParams(window.location.search).get('token');
}

/** Removes the token from the address bar and history, keeping the other parameters. */
function dropTokenFromUrl(): void {
  const params = new URLSearchParams(window.location.search);
  params.delete('token');
  const query = params.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}`);
}

/**
 * The wall's sign-in: a kiosk opens `/wall?token=...` once; the token is exchanged for an HttpOnly cookie that
 * lasts 400 days and dropped from the URL. Then any role may see the wall; a revoked token shows a message.
 */
export function WallGate({ children }: { children: ReactNode }): ReactNode {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [exchange, setExchange] = useState<'none' | 'pending' | 'done' | string>(() =>
    tokenInUrl() ? 'pending' : 'none',
  );
  useEffect(() => {
    const token = tokenInUrl();
    if (!token) return;
    dropTokenFromUrl();
    wallSignIn(token).then(
      async () => {
        await queryClient.invalidateQueries({ queryKey: ['auth', 'me'] });
        setExchange('done');
      },
      (error: unknown) => setExchange(error instanceof ApiError ? error.code : 'CBO_ERR_NETWORK'),
    );
  }, [queryClient]);
  if (exchange === 'pending') return <ScreenMessage title={t('app.loading')} busy />;
  if (exchange === 'CBO_ERR_WALL_TOKEN_REVOKED') {
    return <ScreenMessage title={t('auth.revoked.title')} detail={t('auth.revoked.detail')} />;
  }
  if (exchange !== 'none' && exchange !== 'done') {
    return <ScreenMessage title={t('auth.kiosk.badToken')} detail={t('auth.kiosk.detail')} />;
  }
  return <RequireRole roles={ROLES}>{children}</RequireRole>;
}
