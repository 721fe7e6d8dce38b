import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { LngLat, SuspectedIncident, TrafficEvent } from '@cbo/contracts';
import type { DrilldownSelection } from '../drilldown/pick-map-feature';
import { LABEL_FONT_FAMILY } from './deck-layers';

/** Id of the suspected-incident marker layer (rings), and prefix of its companion layers. */
export const INCIDENT_LAYER_ID = 'suspected-incidents';
/** Id of the illegal-parking camera event layer. */
export const PARKING_LAYER_ID = 'illegal-parking';

/** Ring and label colour of a suspected incident: the palette's severe red-orange. */
const INCIDENT_RGB: [number, number, number] = [255, 92, 56];
/** Camera event colour: a blue far from the level palette's greens, yellows and reds. */
const PARKING_RGB: [number, number, number] = [86, 180, 233];
/** Ring radius of an incident at confidence 1, px at scale 1 (0.5 of it at confidence 0). */
const INCIDENT_RADIUS_PX = 11;
/** Radius of a camera event dot, px at scale 1. */
const PARKING_RADIUS_PX = 6;

/** One marker: where, what it opens, and its label. */
export interface IncidentMarker {
  position: LngLat;
  /** Radius in px at scale 1. */
  radiusPx: number;
  /** Short label drawn beside the marker (confidence, or P for parking). */
  label: string;
  /** What a click on it opens: the drill-down of its segment. */
  selection: DrilldownSelection;
}

/** Markers of active suspected incidents: a ring sized by confidence, labelled with the confidence in %. */
export function incidentMarkers(incidents: readonly SuspectedIncident[]): IncidentMarker[] {
  return incidents.map((incident) => ({
    position: incident.location,
    radiusPx: INCIDENT_RADIUS_PX * (0.5 + incident.confidence / 2),
    label: `${Math.round(incident.confidence * 100)}%`,
    selection: { kind: 'segment', id: incident.segmentId },
  }));
}

/** Markers of illegal-parking camera events: a small dot labelled `P`. */
export function parkingMarkers(events: readonly TrafficEvent[]): IncidentMarker[] {
  return events
    .filter((event) => event.kind === 'illegal-parking')
    .map((event) => ({
      position: event.position,
      radiusPx: PARKING_RADIUS_PX,
      label: 'P',
      selection: { kind: 'segment', id: event.segmentId },
    }));
}

function markerLayers(
  id: string,
  markers: readonly IncidentMarker[],
  rgb: [number, number, number],
  scale: number,
  ring: boolean,
): Layer[] {
  const rings = new ScatterplotLayer<IncidentMarker>({
    id,
    data: markers,
    pickable: true,
    radiusUnits: 'pixels',
    lineWidthUnits: 'pixels',
    stroked: true,
    filled: true,
    getPosition: (d) => d.position,
    getRadius: (d) => d.radiusPx * scale,
    // Incidents: a thick coloured ring round a dark core (shape cue besides colour); parking: a solid dot.
    getFillColor: ring ? [7, 11, 18, 200] : [...rgb, 230],
    getLineColor: ring ? [...rgb, 255] : [7, 11, 18, 230],
    getLineWidth: (ring ? 3 : 1.5) * scale,
  });
  const labels = new TextLayer<IncidentMarker>({
    id: `${id}-labels`,
    data: markers,
    fontFamily: LABEL_FONT_FAMILY,
    fontWeight: 700,
    fontSettings: { sdf: true, fontSize: 64, buffer: 6 },
    outlineWidth: 3,
    outlineColor: [7, 11, 18, 230],
    getPosition: (d) => d.position,
    getText: (d) => d.label,
    getSize: (ring ? 14 : 11) * scale,
    sizeUnits: 'pixels',
    getColor: [...rgb, 255],
    getTextAnchor: ring ? 'start' : 'middle',
    getAlignmentBaseline: ring ? 'center' : 'bottom',
    getPixelOffset: (d) => (ring ? [(d.radiusPx + 4) * scale, 0] : [0, -(d.radiusPx + 2) * scale]),
  });
  return [rings, labels];
}

/**
 * The incident overlay of the city maps: suspected incidents as rings (size and label from the confidence)
 * and illegal-parking events as `P` dots, above the segments. Build it in a `useMemo` keyed on the marker
 * arrays so deck.gl only re-uploads when they change.
 *
 * @param scale - pixel scale of the screen (1 at 1080 px high)
 */
export function buildIncidentLayers(
  incidents: readonly IncidentMarker[],
  parking: readonly IncidentMarker[],
  scale: number,
): Layer[] {
  return [
    ...markerLayers(PARKING_LAYER_ID, parking, PARKING_RGB, scale, false),
    ...markerLayers(INCIDENT_LAYER_ID, incidents, INCIDENT_RGB, scale, true),
  ];
}

/** The drill-down a picked overlay object opens: an incident or parking marker's segment; else null. */
export function incidentSelectionOf(object: unknown): DrilldownSelection | null {
  if (typeof object !== 'object' || object === null || !('selection' in object)) return null;
  const { selection } = object as IncidentMarker;
  return selection.kind === 'segment' && typeof selection.id === 'string' ? selection : null;
}
