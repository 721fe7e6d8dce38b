import { useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { cityQuery } from '../queries/traffic-queries';
import { useI18n } from '../i18n/i18n-context';
import { CityMap } from '../map/city-map';
import { buildSegmentAttributes } from '../map/segment-attributes';
import { ValueStore } from '../realtime/value-store';
import { LanguageToggle } from '../header/language-toggle';
import { useViewportScale } from '../wall/use-viewport-scale';
import { bikesNowQuery } from './bike-queries';
import { useBikeBridge } from './use-bike-bridge';
import { useBikeOverlay } from './use-bike-overlay';
import { useBikeFreshness } from './use-bike-freshness';
import { BikeLayerToggle } from './bike-layer-toggle';
import type { BikeLayerChoice } from './bike-layer-toggle';
import { BikeMapLegend } from './bike-map-legend';
import { BikeStreamStatus } from './bike-stream-status';
import { BikeStaleBanner } from './bike-stale-banner';
import { BikeKpiRow } from './bike-kpi-row';
import { BikeOperatorCharts } from './bike-operator-charts';
import { BikeDistrictTable } from './bike-district-table';
import { BikeZoneLists } from './bike-zone-lists';
import { BikeFeedStatusList } from './bike-feed-status';
import './bikes.css';

const NO_DISTRICTS: never[] = [];
const NO_ZONES: never[] = [];

/**
 * The `/bikes` screen for officers and analysts: the map with bikes (dots or density hexagons), stations and
 * zones; headline figures; operator charts; the district table; saturated areas and violations; feed status.
 * Stale data stays on screen, marked stale.
 */
export function BikesScreen(): ReactNode {
  const { t, locale } = useI18n();
  const { data: city } = useSuspenseQuery(cityQuery());
  const { data: now } = useQuery(bikesNowQuery());
  const scale = useViewportScale();
  const bridge = useBikeBridge();
  const [layers, setLayers] = useState<BikeLayerChoice>({ bikes: 'points', stations: true, zones: true });
  const overlay = useBikeOverlay(bridge, { ...layers, scale });
  const freshness = useBikeFreshness(bridge.connection);
  // Roads as grey context under the bikes: the city's segments without live levels.
  const segments = useMemo(() => buildSegmentAttributes(city.segments), [city]);
  const [segmentsVersion] = useState(() => new ValueStore(0));

  return (
    <div
      className={`bikes-screen${freshness.stale ? ' bikes-screen--stale' : ''}`}
      data-testid="bikes-screen"
    >
      <header className="bikes-screen__header">
        <h1>
          {t('bikes.title')} · {locale === 'en' ? city.nameEn : city.nameZh}
        </h1>
        <BikeLayerToggle value={layers} onChange={setLayers} />
        <BikeStreamStatus bridge={bridge} />
        <span
          className={`bike-freshness bike-freshness--${freshness.stale ? 'stale' : 'fresh'}`}
          data-testid="bike-freshness"
          data-stale={freshness.stale}
        >
          {freshness.stale ? `⚠ ${t('bikes.feeds.stale')}` : `● ${t('status.live')}`}
        </span>
        <LanguageToggle />
      </header>
      <main className="bikes-screen__body">
        <section className="bikes-screen__map">
          <CityMap
            city={city}
            segments={segments}
            segmentsVersion={segmentsVersion}
            districts={NO_DISTRICTS}
            scale={scale}
            overlayLayers={overlay}
          />
          <BikeStaleBanner freshness={freshness} />
          <BikeMapLegend mode={layers.bikes} />
        </section>
        <aside className="bikes-screen__side">
          <BikeKpiRow now={now} />
          <BikeOperatorCharts now={now} city={city} scale={scale} />
          <BikeZoneLists zones={now?.zones ?? NO_ZONES} />
          <BikeDistrictTable districts={now?.districts ?? NO_DISTRICTS} city={city} />
          <BikeFeedStatusList feeds={now?.feeds} />
        </aside>
      </main>
    </div>
  );
}
