import type { ReactNode } from 'react';
import type { BikeFeedStatus } from '@cbo/contracts';
import { useI18n } from '../i18n/i18n-context';
import { formatAge } from '../i18n/translate';

/**
 * Each feed: fresh or stale (against its ttl, by the server's verdict) with a mark besides the colour, the age
 * of its newest document, its counts and its latest problems with their JSON paths.
 */
export function BikeFeedStatusList({ feeds }: { feeds: readonly BikeFeedStatus[] | undefined }): ReactNode {
  const { t, locale } = useI18n();
  return (
    <section className="panel bike-feeds" data-testid="bike-feeds">
      <h2 className="panel__title">{t('bikes.feeds.title')}</h2>
      {(!feeds || feeds.length === 0) && <p className="bike-muted">{t('bikes.feeds.none')}</p>}
      <ul className="bike-list">
        {(feeds ?? []).map((feed) => (
          <li key={feed.feedId} className="bike-feed" data-testid="bike-feed" data-stale={feed.stale}>
            <span className={`bike-feed__badge bike-feed__badge--${feed.stale ? 'stale' : 'fresh'}`}>
              {feed.stale ? '⚠ ' : '● '}
              {feed.stale ? t('bikes.feeds.stale') : t('bikes.feeds.fresh')}
            </span>
            <span className="bike-list__name">
              {feed.feedId}
              {feed.version && ` · GBFS ${feed.version}`}
            </span>
            <span className="bike-list__value">
              {feed.silentMs !== null && t('bikes.feeds.age', { age: formatAge(locale, feed.silentMs) })}
              {feed.ttlS !== null && ` · ${t('bikes.feeds.ttl', { ttl: feed.ttlS })}`}
            </span>
            <span className="bike-feed__counts">
              {t('bikes.feeds.counts', { vehicles: feed.vehicles, stations: feed.stations })}
              {feed.documentsRejected > 0 &&
                ` · ${t('bikes.feeds.rejected', { count: feed.documentsRejected })}`}
            </span>
            {feed.problems.slice(0, 3).map((problem, index) => (
              <span
                key={`${problem.at}-${index}`}
                className="bike-feed__problem"
                data-testid="bike-feed-problem"
              >
                {problem.kind} · {problem.file}
                {problem.path && ` · ${problem.path}`} · {problem.message}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
