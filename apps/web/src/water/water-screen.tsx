import { useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import type { GaugeNow, StationNow } from '@cbo/contracts';
import { cityQuery } from '../queries/traffic-queries';
import { useTrafficBridge } from '../realtime/use-traffic-bridge';
import { useI18n } from '../i18n/i18n-context';
import { CityMap } from '../map/city-map';
import { LanguageToggle } from '../header/language-toggle';
import { useViewportScale } from '../wall/use-viewport-scale';
import { riverEventsQuery, riverNetworkQuery, riverNowQuery } from './water-queries';
import { useWaterOverlay } from './use-water-overlay';
import { GaugeList } from './gauge-list';
import { QualityTable } from './quality-table';
import { EventFeed } from './event-feed';
import { HydrographChart } from './hydrograph-chart';
import { WallWaterPanel } from './wall-water-panel';
import './water.css';

const NO_DISTRICTS: never[] = [];

/**
 * The `/water` screen for officers and analysts: the map with the water layers over live traffic; the
 * counts; gauges with level bars against their thresholds; the hydrograph of the chosen gauge with thresholds
 * and forecast; the water-quality table; the live pollution event feed.
 */
export function WaterScreen(): ReactNode {
  const { t, locale } = useI18n();
  const { data: city } = useSuspenseQuery(cityQuery());
  const { data: network } = useSuspenseQuery(riverNetworkQuery());
  const { data: now } = useQuery(riverNowQuery());
  const { data: eventList } = useQuery(riverEventsQuery());
  const { segments, segmentsVersion } = useTrafficBridge(city);
  const scale = useViewportScale();
  const overlay = useWaterOverlay(city, scale);
  const gaugeNow = useMemo(
    () => new Map<string, GaugeNow>((now?.gauges ?? []).map((g) => [g.gaugeId, g])),
    [now],
  );
  const stationNow = useMemo(
    () => new Map<string, StationNow>((now?.stations ?? []).map((s) => [s.stationId, s])),
    [now],
  );
  const [chosen, setChosen] = useState('');
  const worst = now?.reaches.find((r) => r.colour !== 'none')?.worstGaugeId;
  const gaugeId = chosen || worst || network.gauges[0]?.id || '';
  const gauge = network.gauges.find((g) => g.id === gaugeId);
  return (
    <div className="water-screen" data-testid="water-screen">
      <header className="water-screen__header">
        <h1>
          {t('water.title')} · {locale === 'en' ? city.nameEn : city.nameZh}
        </h1>
        <LanguageToggle />
      </header>
      <main className="water-screen__body">
        <section className="water-screen__map">
          {segments && (
            <CityMap
              city={city}
              segments={segments}
              segmentsVersion={segmentsVersion}
              districts={NO_DISTRICTS}
              scale={scale}
              overlayLayers={overlay}
            />
          )}
        </section>
        <aside className="water-screen__side">
          <WallWaterPanel timeZone={city.timeZone} />
          {gauge && (
            <HydrographChart
              gaugeId={gauge.id}
              gaugeName={locale === 'en' ? gauge.nameEn : gauge.nameZh}
              timeZone={city.timeZone}
              scale={scale}
            />
          )}
          <GaugeList gauges={network.gauges} now={gaugeNow} selectedId={gaugeId} onSelect={setChosen} />
        </aside>
        <aside className="water-screen__side">
          <EventFeed events={eventList?.events ?? []} timeZone={city.timeZone} />
          <QualityTable stations={network.stations} now={stationNow} />
        </aside>
      </main>
    </div>
  );
}
