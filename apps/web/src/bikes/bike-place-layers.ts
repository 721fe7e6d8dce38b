import type { Layer } from '@deck.gl/core';
import { PolygonLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type {
  BikeStationView,
  BikeZoneKind,
  BikeZonesResponse,
  BikeZoneState,
  BikeZoneStatus,
  LngLat,
} from '@cbo/contracts';
import { LABEL_FONT_FAMILY } from '../map/deck-layers';
import { STATION_FILL_COLORS, ZONE_STATE_STYLE } from './bike-palette';

/** One polygon of a zone, as the zone layer draws it. */
export interface ZoneShape {
  zoneId: string;
  kind: BikeZoneKind;
  /** Rings, `[lng, lat]`; the first is the outline. */
  polygon: LngLat[][];
  /** Label anchor: mean of the outline's vertices. */
  labelAt: LngLat;
}

/** Flattens the zones' MultiPolygons into one shape per polygon (once per zone list). */
export function zoneShapes(zones: BikeZonesResponse['zones']): ZoneShape[] {
  const shapes: ZoneShape[] = [];
  for (const zone of zones) {
    for (const polygon of zone.polygons) {
      const outline = polygon[0] ?? [];
      if (outline.length === 0) continue;
      let lng = 0;
      let lat = 0;
      for (const [x, y] of outline) {
        lng += x;
        lat += y;
      }
      shapes.push({
        zoneId: zone.id,
        kind: zone.kind,
        polygon: polygon as LngLat[][],
        labelAt: [lng / outline.length, lat / outline.length],
      });
    }
  }
  return shapes;
}

/** Text on a zone that needs attention: parked/capacity when saturated, `×` and the count on a violation. */
export function zoneLabel(status: BikeZoneStatus | undefined): string | null {
  if (!status) return null;
  if (status.state === 'saturated') return `${status.parked}/${status.capacity ?? '?'}`;
  if (status.state === 'violation') return `× ${status.parked}`;
  return null;
}

/**
 * Zones coloured by state (fill and outline; saturated and violation zones get a thick outline and a count
 * label as the second cue). `statusKey` must change when `statuses` does (e.g. the `bikes:now` time).
 *
 * @param scale - pixel scale of the screen (1 at 1080 px high)
 */
export function buildZoneLayers(
  shapes: readonly ZoneShape[],
  statuses: ReadonlyMap<string, BikeZoneStatus>,
  statusKey: number,
  scale: number,
  visible: boolean,
): Layer[] {
  const stateOf = (shape: ZoneShape): BikeZoneState => statuses.get(shape.zoneId)?.state ?? 'ok';
  const polygons = new PolygonLayer<ZoneShape>({
    id: 'bike-zones',
    data: shapes,
    visible,
    getPolygon: (d) => d.polygon,
    filled: true,
    stroked: true,
    lineWidthUnits: 'pixels',
    lineWidthScale: scale,
    getFillColor: (d) => [...ZONE_STATE_STYLE[stateOf(d)].fill],
    getLineColor: (d) => [...ZONE_STATE_STYLE[stateOf(d)].line],
    getLineWidth: (d) => ZONE_STATE_STYLE[stateOf(d)].lineWidthPx,
    updateTriggers: { getFillColor: statusKey, getLineColor: statusKey, getLineWidth: statusKey },
  });
  const labelled = shapes.filter((shape) => zoneLabel(statuses.get(shape.zoneId)) !== null);
  const labels = new TextLayer<ZoneShape>({
    id: 'bike-zone-labels',
    data: labelled,
    characterSet: 'auto',
    visible,
    fontFamily: LABEL_FONT_FAMILY,
    fontWeight: 700,
    fontSettings: { sdf: true, fontSize: 64, buffer: 6 },
    outlineWidth: 3,
    outlineColor: [7, 11, 18, 230],
    getPosition: (d) => d.labelAt,
    getText: (d) => zoneLabel(statuses.get(d.zoneId)) ?? '',
    getSize: 12 * scale,
    sizeUnits: 'pixels',
    getColor: (d) => [...ZONE_STATE_STYLE[stateOf(d)].line],
    updateTriggers: { getText: statusKey, getColor: statusKey },
  });
  return [polygons, labels];
}

/** Radius of a station marker, px at scale 1. */
const STATION_RADIUS_PX = 4.5;

/**
 * Stations coloured by fill state, with a shape cue: an empty station is a hollow ring, a full one a dot with
 * a white ring, the others plain dots (unknown: small and grey).
 *
 * @param scale - pixel scale of the screen (1 at 1080 px high)
 */
export function buildStationLayer(
  stations: readonly BikeStationView[],
  scale: number,
  visible: boolean,
): Layer {
  const stateOf = (d: BikeStationView) => d.status?.state ?? 'unknown';
  return new ScatterplotLayer<BikeStationView>({
    id: 'bike-stations',
    data: stations,
    visible,
    radiusUnits: 'pixels',
    lineWidthUnits: 'pixels',
    stroked: true,
    filled: true,
    getPosition: (d) => d.position,
    getRadius: (d) => (stateOf(d) === 'unknown' ? 0.6 : 1) * STATION_RADIUS_PX * scale,
    getFillColor: (d) => (stateOf(d) === 'empty' ? [7, 11, 18, 160] : [...STATION_FILL_COLORS[stateOf(d)]]),
    getLineColor: (d) => {
      const state = stateOf(d);
      if (state === 'empty') return [...STATION_FILL_COLORS.empty];
      if (state === 'full') return [255, 255, 255, 255];
      return [7, 11, 18, 200];
    },
    getLineWidth: (d) => (stateOf(d) === 'empty' || stateOf(d) === 'full' ? 2 : 0.8) * scale,
  });
}
