import { useEffect, type ReactNode } from 'react';
import type { Role } from '@cbo/contracts';
import { useI18n } from '../i18n/i18n-context';
import { ScreenMessage } from '../errors/screen-message';
import { useSession } from './use-session';

/** The sign-in URL that comes back to the current page. */
export function loginUrl(): string {
  const here = `${window.location.pathname}${window.location.search}`;
  return `/login?next=${encodeURIComponent(here)}`;
}

/**
 * Renders `children` only for a signed-in actor of one of `roles`. Signed out: goes to `/login?next=...`, or
 * with `kiosk` (the wall: no keyboard) says so on screen instead. A revoked wall token: a clear message.
 */
export function RequireRole({
  roles,
  kiosk = false,
  children,
}: {
  roles: readonly Role[];
  kiosk?: boolean;
  children: ReactNode;
}): ReactNode {
  const { t } = useI18n();
  const { data: state, isPending, isError } = useSession();
  const redirect = state?.kind === 'signed-out' && state.code !== 'CBO_ERR_WALL_TOKEN_REVOKED' && !kiosk;
  useEffect(() => {
    if (redirect) window.location.assign(loginUrl());
  }, [redirect]);
  if (isPending) return <ScreenMessage title={t('app.loading')} busy />;
  if (isError || !state) return <ScreenMessage title={t('app.error')} />;
  if (state.kind === 'signed-out') {
    if (state.code === 'CBO_ERR_WALL_TOKEN_REVOKED') {
      return <ScreenMessage title={t('auth.revoked.title')} detail={t('auth.revoked.detail')} />;
    }
    if (kiosk) return <ScreenMessage title={t('auth.kiosk.title')} detail={t('auth.kiosk.detail')} />;
    return <ScreenMessage title={t('auth.redirecting')} busy />;
  }
  if (!roles.includes(state.session.actor.role)) {
    return <ScreenMessage title={t('auth.forbidden.title')} detail={t('auth.forbidden.detail')} />;
  }
  return children;
}
