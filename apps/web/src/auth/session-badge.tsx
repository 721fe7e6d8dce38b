import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { signOut } from './auth-api';
import { useSession } from './use-session';

/** Who is signed in, with a sign-out button (users only; a wall has nothing to sign out of). */
export function SessionBadge(): ReactNode {
  const { t } = useI18n();
  const { data: state } = useSession();
  if (state?.kind !== 'signed-in') return null;
  const { actor } = state.session;
  return (
    <span className="session-badge" data-testid="session-badge">
      {t('auth.signedInAs', { name: actor.name, role: t(`role.${actor.role}`) })}
      {actor.kind === 'user' && (
        <button
          type="button"
          className="auth-button"
          onClick={() => void signOut().finally(() => window.location.assign('/login'))}
          data-testid="sign-out"
        >
          {t('auth.signOut')}
        </button>
      )}
    </span>
  );
}
