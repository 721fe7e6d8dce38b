import { memo, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import { Map as MapLibreMap, setWorkerUrl, type MapMouseEvent } from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapboxOverlay } from '@deck.gl/mapbox';
import { PathLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { CityDocument, LngLat } from '@cbo/contracts';
import { buildOfflineStyle } from '../map/offline-style';
import { buildDeckLayers, createSegmentLayerData } from '../map/deck-layers';
import { segmentBounds, type SegmentAttributes } from '../map/segment-attributes';
import type { ValueStore } from '../realtime/value-store';
import { pathsBounds } from './case-focus';
import type { DrilldownSelection } from '../drilldown/pick-map-feature';
import { pickOnMap, type PickOverlay } from '../drilldown/pick-on-map';

const NO_LAYERS: readonly Layer[] = [];

// MapLibre looks for its worker beside its own script; the bundle serves it as a hashed asset instead.
setWorkerUrl(maplibreWorkerUrl);

export interface OpsMapProps {
  city: CityDocument;
  segments: SegmentAttributes;
  segmentsVersion: ValueStore<number>;
  /** Paths of the selected case, outlined and zoomed to; empty shows the whole network. */
  focus: readonly LngLat[][];
  /** Outline colour of the focused paths (the case's severity colour). */
  focusColor: readonly [number, number, number];
  /** Called with the incident marker, segment or district under a click (the drill-down); no picking without it. */
  onPick?: (selection: DrilldownSelection) => void;
  /** More deck.gl layers above the segments (incidents); keep the array referentially stable. */
  overlayLayers?: readonly Layer[];
  /** Turns a picked overlay object into a selection; consulted before segments and districts. */
  pickOverlay?: PickOverlay;
}

/**
 * The officer's map: the wall's offline basemap and live segment layer (the same builders), plus an outline of
 * the selected case's segments; the view flies to them. Pan and zoom are enabled.
 */
export const OpsMap = memo(function OpsMap({
  city,
  segments,
  segmentsVersion,
  focus,
  focusColor,
  onPick,
  overlayLayers = NO_LAYERS,
  pickOverlay,
}: OpsMapProps): ReactNode {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const overlayRef = useRef<MapboxOverlay | null>(null);
  const version = useSyncExternalStore(segmentsVersion.subscribe, segmentsVersion.get);
  const layerData = useMemo(() => createSegmentLayerData(segments), [segments]);
  const networkBounds = useMemo(() => segmentBounds(segments) ?? city.bounds, [segments, city]);

  useEffect(() => {
    if (!containerRef.current) return undefined;
    const map = new MapLibreMap({
      container: containerRef.current,
      style: buildOfflineStyle(city),
      bounds: networkBounds,
      attributionControl: false,
      fadeDuration: 0,
    });
    const overlay = new MapboxOverlay({ interleaved: false, layers: [] });
    map.addControl(overlay);
    mapRef.current = map;
    overlayRef.current = overlay;
    return () => {
      mapRef.current = null;
      overlayRef.current = null;
      map.remove();
    };
  }, [city, networkBounds]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !onPick) return undefined;
    // MapLibre's click (not a DOM click): it does not fire at the end of a pan.
    const handleClick = (event: MapMouseEvent) => {
      const at: [number, number] = [event.point.x, event.point.y];
      const pick = pickOnMap(map, overlayRef.current, city, at, 8, pickOverlay);
      if (pick) onPick(pick);
    };
    map.on('click', handleClick);
    return () => {
      map.off('click', handleClick);
    };
  }, [city, networkBounds, onPick, pickOverlay]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const bounds = pathsBounds(focus as LngLat[][], 0.04) ?? networkBounds;
    const [west, south, east, north] = bounds;
    map.fitBounds(
      [
        [west, south],
        [east, north],
      ],
      { padding: 40, duration: focus.length > 0 ? 600 : 0, maxZoom: 13.5 },
    );
  }, [focus, networkBounds]);

  useEffect(() => {
    const highlight = new PathLayer<readonly LngLat[]>({
      id: 'case-focus',
      data: focus,
      getPath: (d) => d as LngLat[],
      getColor: [...focusColor, 255],
      getWidth: 10,
      widthUnits: 'pixels',
      capRounded: true,
      jointRounded: true,
      opacity: 0.55,
    });
    overlayRef.current?.setProps({
      layers: [highlight, ...buildDeckLayers(layerData, segments, [], 0.8), ...overlayLayers],
    });
  }, [layerData, segments, version, focus, focusColor, overlayLayers]);

  return (
    <div className="ops-map">
      <div ref={containerRef} className="ops-map__canvas" data-testid="ops-map" />
    </div>
  );
});
