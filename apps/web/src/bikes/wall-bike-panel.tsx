import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../i18n/i18n-context';
import { bikesNowQuery, bikeZonesQuery } from './bike-queries';
import { BikeKpiRow } from './bike-kpi-row';
import { saturatedAndViolations } from './bike-zone-lists';
import type { BikeBridge } from './use-bike-bridge';
import { useBikeFreshness } from './use-bike-freshness';
import './bikes.css';

/**
 * The wall's compact bike panel (at most about 220 px high at 1080p): fleet, in use, ride rate, violations
 * (no-parking, no permit), saturated areas with the fullest named; marked stale without emptying.
 */
export function WallBikePanel({ bridge }: { bridge: BikeBridge }): ReactNode {
  const { t, locale } = useI18n();
  const { data: now } = useQuery(bikesNowQuery());
  const { data: zoneList } = useQuery(bikeZonesQuery());
  const freshness = useBikeFreshness(bridge.connection);
  const { saturated } = saturatedAndViolations(now?.zones ?? []);
  const names = new Map((zoneList?.zones ?? []).map((z) => [z.id, locale === 'en' ? z.nameEn : z.nameZh]));
  const top = saturated.slice(0, 2).map((zone) => names.get(zone.zoneId) ?? zone.zoneId);
  return (
    <section
      className={`panel wall-bike-panel${freshness.stale ? ' wall-bike-panel--stale' : ''}`}
      data-testid="wall-bike-panel"
      data-stale={freshness.stale}
    >
      <h2 className="panel__title">
        {t('bikes.wall.title')}
        {freshness.stale && <span className="wall-bike-panel__stale"> ⚠ {t('bikes.feeds.stale')}</span>}
      </h2>
      <BikeKpiRow now={now} stations={false} />
      {top.length > 0 && (
        <p className="wall-bike-panel__areas" data-testid="wall-bike-saturated">
          ■ {top.join(' · ')}
        </p>
      )}
    </section>
  );
}
