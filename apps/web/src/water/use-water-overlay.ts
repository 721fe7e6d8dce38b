import { useMemo } from 'react';
import type { Layer } from '@deck.gl/core';
import { useQuery } from '@tanstack/react-query';
import type { CityDocument, LngLat, RiverEventView } from '@cbo/contracts';
import { useI18n } from '../i18n/i18n-context';
import { buildWaterLayers, waterLayerData } from './water-layers';
import { riverEventsQuery, riverNetworkQuery, riverNowQuery } from './water-queries';
import { useRiverBridge } from './use-river-bridge';

const NO_LAYERS: readonly Layer[] = [];
const NO_EVENTS: RiverEventView[] = [];

/**
 * The water layers of a city map, fed by the river queries and the river socket bridge (opened here, once
 * per screen). Stable while the river state is unchanged.
 *
 * @param scale - pixel scale of the screen (1 at 1080 px high)
 */
export function useWaterOverlay(city: CityDocument, scale: number): readonly Layer[] {
  useRiverBridge();
  const { t } = useI18n();
  const { data: network } = useQuery(riverNetworkQuery());
  const { data: now } = useQuery(riverNowQuery());
  const { data: eventList } = useQuery(riverEventsQuery());
  const events = eventList?.events ?? NO_EVENTS;
  const segmentPaths = useMemo(
    () => new Map<string, LngLat[]>(city.segments.map((s) => [s.id, s.path])),
    [city.segments],
  );
  return useMemo(() => {
    if (!network) return NO_LAYERS;
    const data = waterLayerData(network, now, events, segmentPaths, (kind) => t(`water.kind.${kind}`));
    return buildWaterLayers(data, scale);
  }, [network, now, events, segmentPaths, scale, t]);
}
