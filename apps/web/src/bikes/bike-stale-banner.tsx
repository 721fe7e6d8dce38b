import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { formatAge } from '../i18n/translate';
import type { BikeFreshness } from './assess-bike-freshness';

/** Says on the map that the bike data is stale and why; the bikes themselves stay drawn. */
export function BikeStaleBanner({ freshness }: { freshness: BikeFreshness }): ReactNode {
  const { t, locale } = useI18n();
  if (!freshness.stale) return null;
  const detail =
    freshness.reason === 'disconnected'
      ? t('status.disconnected')
      : freshness.reason === 'push-late' && freshness.sinceUpdateMs !== null
        ? t('bikes.stale.push', { age: formatAge(locale, freshness.sinceUpdateMs) })
        : freshness.reason === 'feed-stale'
          ? t('bikes.stale.feed', { feeds: freshness.staleFeedIds.join(', ') })
          : t('bikes.stale.noData');
  return (
    <div
      className="bike-stale-banner"
      role="status"
      data-testid="bike-stale-banner"
      data-reason={freshness.reason ?? ''}
    >
      <span aria-hidden="true">⚠</span>
      <strong>{t('bikes.stale.title')}</strong>
      <span>{detail}</span>
    </div>
  );
}
