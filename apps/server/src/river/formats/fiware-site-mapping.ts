import type { RiverNetwork } from '@cbo/city';
import type { LngLat } from '@cbo/contracts';
import { attributeValue } from '../../traffic/formats/fiware-traffic-flow';

/** Largest distance from an entity's location to the gauge or station it is mapped to, metres. */
export const SITE_MAX_DISTANCE_M = 200;

/** Which kind of site an entity is mapped to. */
export type SiteKind = 'gauge' | 'station';

const isLngLat = (value: unknown): value is LngLat =>
  Array.isArray(value) &&
  value.length >= 2 &&
  typeof value[0] === 'number' &&
  typeof value[1] === 'number' &&
  Math.abs(value[0]) <= 180 &&
  Math.abs(value[1]) <= 90;

/** The last `:`-separated part of a URN, or the string itself. */
const lastPart = (value: string): string => value.slice(value.lastIndexOf(':') + 1);

/**
 * Maps a FIWARE entity to a gauge or station index, in this order: `refPointOfInterest` (an id of this city or a
 * URN ending in one; an unknown reference is rejected), `stationID`, the entity id (whole, or its last URN part),
 * `name` (id, Chinese or English name), then a GeoJSON Point `location` within {@link SITE_MAX_DISTANCE_M}.
 * Anything else is rejected with the reason; nothing is guessed.
 */
export function mapSite(
  network: RiverNetwork,
  entity: Record<string, unknown>,
  kind: SiteKind,
): { index: number } | { reason: string } {
  const byId = kind === 'gauge' ? network.gaugeIndexById : network.stationIndexById;
  const items = kind === 'gauge' ? network.gauges : network.stations;
  const what = kind === 'gauge' ? 'gauge' : 'water-quality station';
  const lookup = (value: unknown): number | undefined =>
    typeof value === 'string' ? (byId.get(value) ?? byId.get(lastPart(value))) : undefined;

  const ref = attributeValue(entity, 'refPointOfInterest');
  if (ref !== undefined) {
    const found = lookup(Array.isArray(ref) && ref.length === 1 ? ref[0] : ref);
    if (found === undefined) {
      return { reason: `refPointOfInterest: '${JSON.stringify(ref)}' is not a ${what} of this city` };
    }
    return { index: found };
  }
  for (const field of ['stationID', 'id']) {
    const found = lookup(attributeValue(entity, field));
    if (found !== undefined) return { index: found };
  }
  const name = attributeValue(entity, 'name');
  if (typeof name === 'string') {
    const found = items.findIndex((s) => s.id === name || s.nameZh === name || s.nameEn === name);
    if (found >= 0) return { index: found };
  }
  const location = attributeValue(entity, 'location') as
    { type?: unknown; coordinates?: unknown } | undefined;
  if (location === undefined) {
    return {
      reason: `no refPointOfInterest, id, stationID, name or location that names a ${what} of this city`,
    };
  }
  if (location === null || location.type !== 'Point' || !isLngLat(location.coordinates)) {
    return { reason: `location: only a GeoJSON Point of [lng, lat] can be mapped to a ${what}` };
  }
  const point: LngLat = [location.coordinates[0], location.coordinates[1]];
  const hit =
    kind === 'gauge'
      ? network.nearestGauge(point, SITE_MAX_DISTANCE_M)
      : network.nearestStation(point, SITE_MAX_DISTANCE_M);
  if (!hit) {
    return {
      reason: `location: no ${what} within ${SITE_MAX_DISTANCE_M} m of [${point[0].toFixed(5)}, ${point[1].toFixed(5)}]`,
    };
  }
  return { index: hit.index };
}
