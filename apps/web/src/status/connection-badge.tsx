import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { formatAge } from '../i18n/translate';
import type { ConnectionState } from '../realtime/traffic-socket';
import { useFreshness } from './use-freshness';

/** Connection dot and "updated N s ago"; turns red when the data is stale. */
export function ConnectionBadge({ connection }: { connection: ConnectionState }): ReactNode {
  const { t, locale } = useI18n();
  const { stale, sinceUpdateMs } = useFreshness(connection);
  const state = connection !== 'connected' ? connection : stale ? 'stale' : 'live';
  const label =
    connection === 'connecting'
      ? t('status.connecting')
      : connection === 'disconnected'
        ? t('status.disconnected')
        : stale
          ? t('status.stale')
          : t('status.live');
  return (
    <div
      className={`connection-badge connection-badge--${state}`}
      data-testid="connection-badge"
      data-state={state}
    >
      <span className="connection-badge__dot" aria-hidden="true" />
      <span className="connection-badge__label">{label}</span>
      {sinceUpdateMs !== null && (
        <span className="connection-badge__age">
          {t('status.updated', { age: formatAge(locale, sinceUpdateMs) })}
        </span>
      )}
    </div>
  );
}
