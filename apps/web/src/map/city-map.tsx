import { memo, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { MouseEvent, ReactNode } from 'react';
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { Layer } from '@deck.gl/core';
import type { AreaIndices, CityDocument } from '@cbo/contracts';
import { useI18n } from '../i18n/i18n-context';
import { formatNumber } from '../i18n/translate';
import type { ValueStore } from '../realtime/value-store';
import { segmentBounds } from './segment-attributes';
import type { SegmentAttributes } from './segment-attributes';
import { buildDeckLayers, createSegmentLayerData } from './deck-layers';
import type { DistrictLabel } from './deck-layers';
import { buildOfflineStyle } from './offline-style';
import { useStableByKey } from './use-stable-by-key';
import { pickMapFeature, type DrilldownSelection } from '../drilldown/pick-map-feature';

/** Props of {@link CityMap}. */
export interface CityMapProps {
  city: CityDocument;
  segments: SegmentAttributes;
  segmentsVersion: ValueStore<number>;
  /** District indices in any order (matched by `areaId`). */
  districts: readonly AreaIndices[];
  /** Pixel scale of the screen, 1 at 1080 px high. */
  scale: number;
  /** Called with the segment (or else the district) under a click; no picking without it. */
  onPick?: (selection: DrilldownSelection) => void;
  /**
   * More deck.gl layers drawn above the segments (incidents, water, bikes), in order; keep the array
   * referentially stable (useMemo) so the overlay is only updated when they change.
   */
  overlayLayers?: readonly Layer[];
  /** deck.gl layers drawn under the segments (area densities such as bike hexagons); keep the array stable. */
  underlayLayers?: readonly Layer[];
  /**
   * Turns an object of a pickable overlay layer under a click into a selection (e.g. an incident marker into
   * its segment); consulted before segments and districts. Without it, overlay layers are not picked.
   */
  pickOverlay?: (object: unknown) => DrilldownSelection | null;
}

const NO_LAYERS: readonly Layer[] = [];

/** Padding around the road network when fitting the view, as a share of the shorter map side. */
const FIT_PADDING_RATIO = 0.05;

// MapLibre looks for its worker beside its own script; the bundle serves it as a hashed asset instead.
setWorkerUrl(maplibreWorkerUrl);

/** Fits the view to the road network (where the data is); outer districts may be cropped. */
function fitView(map: MapLibreMap, bounds: readonly [number, number, number, number]): void {
  const canvas = map.getCanvas();
  const padding = Math.round(Math.min(canvas.clientWidth, canvas.clientHeight) * FIT_PADDING_RATIO);
  const [west, south, east, north] = bounds;
  map.fitBounds(
    [
      [west, south],
      [east, north],
    ],
    { padding, animate: false },
  );
}

/** The city map: an offline MapLibre basemap with deck.gl segments and district labels on top. */
export const CityMap = memo(function CityMap({
  city,
  segments,
  segmentsVersion,
  districts,
  scale,
  onPick,
  overlayLayers = NO_LAYERS,
  underlayLayers = NO_LAYERS,
  pickOverlay,
}: CityMapProps): ReactNode {
  const { locale } = useI18n();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const overlayRef = useRef<MapboxOverlay | null>(null);
  const version = useSyncExternalStore(segmentsVersion.subscribe, segmentsVersion.get);
  const layerData = useMemo(() => createSegmentLayerData(segments), [segments]);
  const viewBounds = useMemo(() => segmentBounds(segments) ?? city.bounds, [segments, city]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return undefined;
    const map = new MapLibreMap({
      container,
      style: buildOfflineStyle(city),
      bounds: viewBounds,
      interactive: false,
      attributionControl: false,
      fadeDuration: 0,
    });
    const overlay = new MapboxOverlay({ interleaved: false, layers: [] });
    map.addControl(overlay);
    const refit = () => fitView(map, viewBounds);
    map.on('load', refit);
    map.on('resize', refit);
    mapRef.current = map;
    overlayRef.current = overlay;
    return () => {
      mapRef.current = null;
      overlayRef.current = null;
      map.remove();
    };
  }, [city, viewBounds]);

  const freshLabels = useMemo<DistrictLabel[]>(() => {
    const byId = new Map(districts.map((d) => [d.areaId, d]));
    const [west, south, east, north] = viewBounds;
    const inView = ({ labelAt: [lng, lat] }: { labelAt: readonly [number, number] }) =>
      lng >= west && lng <= east && lat >= south && lat <= north;
    return city.districts.filter(inView).map((district) => {
      const tpi = byId.get(district.id)?.tpi;
      const name = locale === 'en' ? district.nameEn : district.nameZh;
      return { district, text: tpi == null ? name : `${name}\n${formatNumber(locale, tpi, 1)}` };
    });
  }, [city, districts, locale, viewBounds]);
  // A tick brings new district objects even when every label reads the same: keep the array, skip the redraw.
  const labels = useStableByKey(freshLabels, freshLabels.map((label) => label.text).join('|'));

  useEffect(() => {
    overlayRef.current?.setProps({
      layers: [...underlayLayers, ...buildDeckLayers(layerData, segments, labels, scale), ...overlayLayers],
    });
  }, [layerData, segments, labels, scale, version, overlayLayers, underlayLayers]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return undefined;
    const apply = () => {
      for (const d of districts)
        map.setFeatureState({ source: 'districts', id: d.areaId }, { level: d.level });
    };
    if (map.isStyleLoaded()) apply();
    else map.once('load', apply);
    return () => {
      map.off('load', apply);
    };
  }, [city, districts]);

  const handleClick = (event: MouseEvent<HTMLDivElement>) => {
    const map = mapRef.current;
    if (!map || !onPick) return;
    const rect = event.currentTarget.getBoundingClientRect();
    const at: [number, number] = [event.clientX - rect.left, event.clientY - rect.top];
    const hit = pickOverlay
      ? overlayRef.current?.pickObject({ x: at[0], y: at[1], radius: 4 * scale })
      : null;
    const overlayPick = hit && pickOverlay ? pickOverlay(hit.object) : null;
    if (overlayPick) {
      onPick(overlayPick);
      return;
    }
    const { lng, lat } = map.unproject(at);
    const project = (lngLat: readonly [number, number]): [number, number] => {
      const p = map.project([lngLat[0], lngLat[1]]);
      return [p.x, p.y];
    };
    const pick = pickMapFeature(city, project, at, [lng, lat], 8 * scale);
    if (pick) onPick(pick);
  };

  return (
    <div className="city-map" onClick={onPick ? handleClick : undefined}>
      <div ref={containerRef} className="city-map__canvas" data-testid="city-map" />
    </div>
  );
});
