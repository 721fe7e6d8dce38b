import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { cityQuery, trafficNowQuery, trafficSeriesQuery } from '../queries/traffic-queries';
import { useTrafficBridge } from '../realtime/use-traffic-bridge';
import { WallHeader } from '../header/wall-header';
import { KpiTiles } from '../kpi/kpi-tiles';
import { TtiChart } from '../chart/tti-chart';
import { DistrictRanking } from '../ranking/district-ranking';
import { CityMap } from '../map/city-map';
import { MapLegend } from '../map/map-legend';
import { StaleBanner } from '../status/stale-banner';
import { useViewportScale } from './use-viewport-scale';
import { WallAlertsPanel } from '../wall-alerts/wall-alerts-panel';
import { WallInsights } from '../insights/wall-insights';
import { trafficInsightsQuery } from '../insights/insight-queries';
import { DrilldownPanel } from '../drilldown/drilldown-panel';
import { useDrilldownSelection } from '../drilldown/use-drilldown-selection';
import { useIncidentOverlay } from '../map/incident-overlay';
import { incidentSelectionOf } from '../map/incident-layers';
import { useWallBikes } from '../bikes/use-wall-bikes';
import { WallBikePanel } from '../bikes/wall-bike-panel';
import { useWaterOverlay } from '../water/use-water-overlay';
import { WallWaterPanel } from '../water/wall-water-panel';

const NO_DISTRICTS: never[] = [];

/** The `/wall` screen: header, KPI tiles and chart on the left, the city map, the district ranking. */
export function WallScreen(): ReactNode {
  const { data: city } = useSuspenseQuery(cityQuery());
  const { data: now } = useQuery(trafficNowQuery());
  const { data: series } = useQuery(trafficSeriesQuery());
  const { connection, segments, segmentsVersion } = useTrafficBridge(city);
  const scale = useViewportScale();
  const { data: insights } = useQuery(trafficInsightsQuery());
  const { selection, select, clear } = useDrilldownSelection();
  const incidentLayers = useIncidentOverlay(scale);
  const wallBikes = useWallBikes(scale);
  const waterLayers = useWaterOverlay(city, scale);
  const mapOverlay = useMemo(() => [...waterLayers, ...incidentLayers], [waterLayers, incidentLayers]);
  const districts = now?.districts ?? NO_DISTRICTS;
  return (
    <div className="wall" data-testid="wall">
      <WallHeader city={city} connection={connection} />
      <main className="wall__body">
        <aside className="wall__left">
          <KpiTiles network={insights?.network} />
          <WallInsights timeZone={city.timeZone} />
          <TtiChart
            series={series}
            timeZone={city.timeZone}
            scale={scale}
            forecast={insights?.forecasts[0]}
          />
        </aside>
        <section className="wall__map">
          {segments && (
            <CityMap
              city={city}
              segments={segments}
              segmentsVersion={segmentsVersion}
              districts={districts}
              scale={scale}
              onPick={select}
              overlayLayers={mapOverlay}
              underlayLayers={wallBikes.layers}
              pickOverlay={incidentSelectionOf}
            />
          )}
          <DistrictRanking city={city} districts={districts} overlay />
          <MapLegend overlay />
          <StaleBanner connection={connection} />
          {selection && (
            <DrilldownPanel selection={selection} timeZone={city.timeZone} scale={scale} onClose={clear} />
          )}
        </section>
        <aside className="wall__right">
          <WallAlertsPanel city={city} />
          <WallBikePanel bridge={wallBikes.bridge} />
          <WallWaterPanel timeZone={city.timeZone} />
        </aside>
      </main>
    </div>
  );
}
