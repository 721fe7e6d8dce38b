import { PathLayer, PolygonLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type {
  LngLat,
  RiverNetworkDocument,
  RiverNow,
  RiverEventView,
  WarningColour,
  WaterClass,
} from '@cbo/contracts';
import { LABEL_FONT_FAMILY } from '../map/deck-layers';
import {
  CLASS_RGB,
  classLabel,
  EVENT_RGB,
  FLOODED_RGB,
  NO_CLASS_RGB,
  WARNING_RANK,
  WARNING_RGB,
  warningMark,
} from './water-palette';

type Rgb = [number, number, number];

/** A reach drawn on the map: its line or lake outline and status colour. */
export interface ReachFeature {
  id: string;
  line: LngLat[] | null;
  polygon: LngLat[][] | null;
  rgb: Rgb;
  /** Width rank 0-4 from the flood colour. */
  rank: number;
}

/** A point marker: gauge, station or event. */
export interface WaterMarker {
  id: string;
  position: LngLat;
  rgb: Rgb;
  radiusPx: number;
  label: string;
}

/** Everything the water layers draw, precomputed from the queries. */
export interface WaterLayerData {
  reaches: ReachFeature[];
  gauges: WaterMarker[];
  stations: WaterMarker[];
  events: WaterMarker[];
  flooded: { path: LngLat[] }[];
}

/** Pollution events shown on the map: the last 6 hours. */
export const EVENT_MAP_WINDOW_MS = 6 * 3_600_000;

/**
 * Precomputes the water layers' data: reaches coloured by their flood colour (or, without one, by their worst
 * water class), gauges by colour with a size and `!` cue, stations by class with the class as label, events
 * of the last 6 h, and flooded road segments.
 */
export function waterLayerData(
  network: RiverNetworkDocument,
  now: RiverNow | undefined,
  events: readonly RiverEventView[],
  segmentPaths: ReadonlyMap<string, LngLat[]>,
  eventLabel: (kind: RiverEventView['kind']) => string,
): WaterLayerData {
  const reachStatus = new Map((now?.reaches ?? []).map((r) => [r.reachId, r]));
  const gaugeNow = new Map((now?.gauges ?? []).map((g) => [g.gaugeId, g]));
  const stationNow = new Map((now?.stations ?? []).map((s) => [s.stationId, s]));
  const classRgb = (c: WaterClass | null): Rgb => (c === null ? NO_CLASS_RGB : CLASS_RGB[c - 1]!);
  const reaches = network.reaches.map((reach) => {
    const status = reachStatus.get(reach.id);
    const colour: WarningColour = status?.colour ?? 'none';
    const rgb =
      colour !== 'none'
        ? WARNING_RGB[colour]
        : status?.waterClass
          ? classRgb(status.waterClass)
          : WARNING_RGB.none;
    return {
      id: reach.id,
      line: reach.line ?? null,
      polygon: reach.polygon ?? null,
      rgb,
      rank: WARNING_RANK[colour],
    };
  });
  const gauges = network.gauges.map((gauge) => {
    const colour = gaugeNow.get(gauge.id)?.colour ?? 'none';
    return {
      id: gauge.id,
      position: gauge.position,
      rgb: WARNING_RGB[colour],
      radiusPx: 4 + WARNING_RANK[colour] * 2,
      label: warningMark(colour),
    };
  });
  const stations = network.stations.map((station) => {
    const waterClass = stationNow.get(station.id)?.waterClass ?? null;
    return {
      id: station.id,
      position: station.position,
      rgb: classRgb(waterClass),
      radiusPx: 5,
      label: classLabel(waterClass),
    };
  });
  const newestAt = now?.computedAt ?? Number.POSITIVE_INFINITY;
  const eventMarkers = events
    .filter((e) => e.observedAt >= newestAt - EVENT_MAP_WINDOW_MS)
    .map((e) => ({ id: e.id, position: e.position, rgb: EVENT_RGB, radiusPx: 7, label: eventLabel(e.kind) }));
  const flooded = (now?.floodedSegmentIds ?? []).flatMap((id) => {
    const path = segmentPaths.get(id);
    return path ? [{ path }] : [];
  });
  return { reaches, gauges, stations, events: eventMarkers, flooded };
}

function markerLayers(id: string, markers: readonly WaterMarker[], scale: number, ring: boolean): Layer[] {
  return [
    new ScatterplotLayer<WaterMarker>({
      id,
      data: markers,
      radiusUnits: 'pixels',
      lineWidthUnits: 'pixels',
      stroked: true,
      filled: true,
      getPosition: (d) => d.position,
      getRadius: (d) => d.radiusPx * scale,
      // Stations are rings (a dark core), gauges and events solid dots: a shape cue besides colour.
      getFillColor: (d) => (ring ? [7, 11, 18, 220] : [...d.rgb, 240]),
      getLineColor: (d) => (ring ? [...d.rgb, 255] : [7, 11, 18, 230]),
      getLineWidth: (ring ? 2.5 : 1.5) * scale,
    }),
    new TextLayer<WaterMarker>({
      id: `${id}-labels`,
      data: markers.filter((m) => m.label !== ''),
      fontFamily: LABEL_FONT_FAMILY,
      fontWeight: 700,
      characterSet: 'auto',
      fontSettings: { sdf: true, fontSize: 64, buffer: 6 },
      outlineWidth: 3,
      outlineColor: [7, 11, 18, 230],
      getPosition: (d) => d.position,
      getText: (d) => d.label,
      getSize: 12 * scale,
      sizeUnits: 'pixels',
      getColor: (d) => [...d.rgb, 255],
      getTextAnchor: 'start',
      getAlignmentBaseline: 'center',
      getPixelOffset: (d) => [(d.radiusPx + 3) * scale, 0],
    }),
  ];
}

/**
 * The water layer set of the city maps, above the segments: lakes and river reaches by status, flooded road
 * segments, water-quality stations (rings labelled with their class), gauges (dots sized and marked by their
 * warning colour) and pollution events. Build it in a `useMemo` keyed on the data.
 */
export function buildWaterLayers(data: WaterLayerData, scale: number): Layer[] {
  const lakes = data.reaches.filter((r) => r.polygon !== null);
  const rivers = data.reaches.filter((r) => r.line !== null);
  return [
    new PolygonLayer<ReachFeature>({
      id: 'water-lakes',
      data: lakes,
      getPolygon: (d) => d.polygon!,
      filled: true,
      stroked: true,
      lineWidthUnits: 'pixels',
      getFillColor: (d) => [...d.rgb, d.rank > 0 ? 110 : 60],
      getLineColor: (d) => [...d.rgb, 220],
      getLineWidth: (d) => (1.5 + d.rank) * scale,
    }),
    new PathLayer<ReachFeature>({
      id: 'water-reaches',
      data: rivers,
      getPath: (d) => d.line!,
      widthUnits: 'pixels',
      getWidth: (d) => (3 + d.rank * 1.5) * scale,
      getColor: (d) => [...d.rgb, d.rank > 0 ? 240 : 170],
      capRounded: true,
      jointRounded: true,
    }),
    ...markerLayers('water-stations', data.stations, scale, true),
    ...markerLayers('water-gauges', data.gauges, scale, false),
    // Above the gauges: the flooded roads lie within 400 m of them, under their markers otherwise.
    new PathLayer<{ path: LngLat[] }>({
      id: 'water-flooded-segments',
      data: data.flooded,
      getPath: (d) => d.path,
      widthUnits: 'pixels',
      getWidth: 6 * scale,
      getColor: [...FLOODED_RGB, 240],
      capRounded: true,
    }),
    ...markerLayers('water-events', data.events, scale, false),
  ];
}
