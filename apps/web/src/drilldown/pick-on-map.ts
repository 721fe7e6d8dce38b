import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { CityDocument } from '@cbo/contracts';
import { pickMapFeature, type DrilldownSelection, type PixelPoint } from './pick-map-feature';

/** Turns an object of a pickable overlay layer into a selection, or null to fall through. */
export type PickOverlay = (object: unknown) => DrilldownSelection | null;

/**
 * What a click at screen pixel `at` of a MapLibre map with a deck.gl overlay selects: a pickable overlay
 * object that `pickOverlay` turns into a selection (within `tolerancePx / 2`), else the nearest segment within
 * `tolerancePx`, else the district under the click, else nothing.
 */
export function pickOnMap(
  map: MapLibreMap,
  overlay: MapboxOverlay | null,
  city: Pick<CityDocument, 'segments' | 'districts'>,
  at: PixelPoint,
  tolerancePx: number,
  pickOverlay?: PickOverlay,
): DrilldownSelection | null {
  if (pickOverlay && overlay) {
    const hit = overlay.pickObject({ x: at[0], y: at[1], radius: tolerancePx / 2 });
    const selection = hit ? pickOverlay(hit.object) : null;
    if (selection) return selection;
  }
  const { lng, lat } = map.unproject(at);
  const project = (lngLat: readonly [number, number]): PixelPoint => {
    const p = map.project([lngLat[0], lngLat[1]]);
    return [p.x, p.y];
  };
  return pickMapFeature(city, project, at, [lng, lat], tolerancePx);
}
