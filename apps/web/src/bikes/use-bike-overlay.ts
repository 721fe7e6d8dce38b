import { useMemo, useSyncExternalStore } from 'react';
import type { Layer } from '@deck.gl/core';
import { useQuery } from '@tanstack/react-query';
import type { BikeStationView, BikeZoneStatus } from '@cbo/contracts';
import { bikeStationsQuery, bikesNowQuery, bikeZonesQuery } from './bike-queries';
import { buildBikeHexLayer, buildBikePointLayer } from './bike-layers';
import type { BikeLayerMode } from './bike-layers';
import { buildStationLayer, buildZoneLayers, zoneShapes } from './bike-place-layers';
import type { BikeBridge } from './use-bike-bridge';

/** Which bike layers a map shows. */
export interface BikeOverlayOptions {
  /** Bikes as dots or density hexagons, or not at all. */
  bikes: BikeLayerMode | 'off';
  stations: boolean;
  zones: boolean;
  /** Pixel scale of the screen (1 at 1080 px high). */
  scale: number;
  /** Opacity of the density hexagons, 0-1 (lower on the wall, where roads show through). @default 1 */
  hexOpacity?: number;
}

const NO_STATIONS: BikeStationView[] = [];

/**
 * The bike overlay of a city map (zones, then bikes, then stations on top), for `CityMap`'s `overlayLayers`. Stable
 * between store versions; the hidden one of dots and hexagons is not rebuilt while hidden, so 300,000 dots
 * cost nothing on a map showing hexagons.
 */
export function useBikeOverlay(bridge: BikeBridge, options: BikeOverlayOptions): readonly Layer[] {
  const { store, storeVersion } = bridge;
  const { bikes, stations: showStations, zones: showZones, scale, hexOpacity = 1 } = options;
  const version = useSyncExternalStore(storeVersion.subscribe, storeVersion.get);
  const { data: stationList } = useQuery(bikeStationsQuery());
  const { data: zoneList } = useQuery(bikeZonesQuery());
  const { data: now } = useQuery(bikesNowQuery());

  const pointsKey = bikes === 'points' ? version : -1;
  const hexKey = bikes === 'hexagons' ? version : -1;
  const pointLayer = useMemo(
    () => (pointsKey >= 0 || store.length > 0 ? buildBikePointLayer(store, scale, pointsKey >= 0) : null),
    [store, scale, pointsKey],
  );
  const hexLayer = useMemo(
    () => buildBikeHexLayer(store, hexKey >= 0, hexOpacity),
    [store, hexKey, hexOpacity],
  );

  const shapes = useMemo(() => zoneShapes(zoneList?.zones ?? []), [zoneList]);
  const statuses = useMemo(() => {
    const byId = new Map<string, BikeZoneStatus>();
    for (const zone of zoneList?.zones ?? []) byId.set(zone.id, zone.status);
    for (const status of now?.zones ?? []) byId.set(status.zoneId, status);
    return byId;
  }, [zoneList, now]);
  const statusKey = Math.max(now?.computedAt ?? 0, zoneList?.computedAt ?? 0);
  const zoneLayers = useMemo(
    () => buildZoneLayers(shapes, statuses, statusKey, scale, showZones),
    [shapes, statuses, statusKey, scale, showZones],
  );
  const stationLayer = useMemo(
    () => buildStationLayer(stationList?.stations ?? NO_STATIONS, scale, showStations),
    [stationList, scale, showStations],
  );

  return useMemo(() => {
    const layers: Layer[] = [...zoneLayers];
    if (hexLayer) layers.push(hexLayer);
    if (pointLayer) layers.push(pointLayer);
    layers.push(stationLayer);
    return layers;
  }, [zoneLayers, stationLayer, hexLayer, pointLayer]);
}
