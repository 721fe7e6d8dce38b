import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { formatAge } from '../i18n/translate';
import type { ConnectionState } from '../realtime/traffic-socket';
import { useFreshness } from './use-freshness';

/** A red banner across the map while the data is stale, saying how old it is. */
export function StaleBanner({ connection }: { connection: ConnectionState }): ReactNode {
  const { t, locale } = useI18n();
  const { stale, reason, ageMs, sinceUpdateMs } = useFreshness(connection);
  if (!stale) return null;
  const shownAgeMs = ageMs ?? (reason === 'indices-late' ? sinceUpdateMs : null);
  const detail =
    reason === 'disconnected'
      ? t('status.disconnected')
      : shownAgeMs === null
        ? t('status.noData')
        : t('status.staleAge', { age: formatAge(locale, shownAgeMs) });
  return (
    <div className="stale-banner" role="alert" data-testid="stale-banner" data-reason={reason ?? ''}>
      <span className="stale-banner__icon" aria-hidden="true">
        ⚠
      </span>
      <strong>{t('status.stale')}</strong>
      <span className="stale-banner__detail">{detail}</span>
    </div>
  );
}
