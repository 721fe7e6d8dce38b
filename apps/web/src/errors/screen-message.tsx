import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';

/** A dark full-screen message: loading, failure (with retry) or not found. */
export function ScreenMessage({
  title,
  detail,
  onRetry,
  busy,
}: {
  title: string;
  detail?: string;
  onRetry?: () => void;
  busy?: boolean;
}): ReactNode {
  const { t } = useI18n();
  return (
    <div className="screen-message" role={onRetry ? 'alert' : 'status'} data-testid="screen-message">
      {busy && <div className="screen-message__spinner" aria-hidden="true" />}
      <div className="screen-message__title">{title}</div>
      {detail && <div className="screen-message__detail">{detail}</div>}
      {onRetry && (
        <button type="button" className="screen-message__retry" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}
