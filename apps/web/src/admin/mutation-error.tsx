import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';

/** The message of a failed admin action, or nothing. */
export function MutationError({ error }: { error: Error | null }): ReactNode {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <p className="auth-card__error" role="alert">
      {t('admin.failed', { message: error.message })}
    </p>
  );
}
