import type { LngLat, RiverNetworkDocument, RiverReach } from '@cbo/contracts';
import { CityFixtureError } from '../city-fixture-error';
import { haversineM } from '../haversine-m';
import { distanceToPolylineM, pointInRings } from '../point-in-rings';
import type { NearestHit, RiverFixture, RiverNetwork } from './river-network';
import { validateRiverFixture } from './validate-river-fixture';

/** Options of {@link parseRiverFixture} and {@link buildRiverNetwork}. */
export interface RiverNetworkOptions {
  /** Ids of the city's water features (`CityDocument.water`); when given, every `waterId` must be one of them. */
  waterIds?: ReadonlySet<string>;
}

/** Validates the river fixture and builds the network; bad input comes back as `{ errors }` naming each bad value. */
export function parseRiverFixture(
  fixture: RiverFixture,
  options: RiverNetworkOptions = {},
): { network: RiverNetwork } | { errors: string[] } {
  const result = validateRiverFixture(fixture, options.waterIds);
  if ('errors' in result) return result;
  return { network: assembleRiverNetwork(result.document) };
}

/** Builds the river network; throws `CityFixtureError` listing every validation error. */
export function buildRiverNetwork(fixture: RiverFixture, options: RiverNetworkOptions = {}): RiverNetwork {
  const result = parseRiverFixture(fixture, options);
  if ('errors' in result) throw new CityFixtureError(result.errors);
  return result.network;
}

function indexById(items: readonly { id: string }[]): Map<string, number> {
  return new Map(items.map((item, i) => [item.id, i]));
}

function nearestPoint(
  items: readonly { position: LngLat }[],
  point: LngLat,
  maxDistanceM: number,
): NearestHit | null {
  let best: NearestHit | null = null;
  items.forEach((item, index) => {
    const distanceM = haversineM(point, item.position);
    if (distanceM <= maxDistanceM && (best === null || distanceM < best.distanceM))
      best = { index, distanceM };
  });
  return best;
}

function distanceToReachM(point: LngLat, reach: RiverReach): number {
  if (reach.line) return distanceToPolylineM(point, reach.line);
  const rings = reach.polygon ?? [];
  if (pointInRings(point, rings)) return 0;
  return Math.min(...rings.map((ring) => distanceToPolylineM(point, ring)));
}

/**
 * Builds the in-memory network from a validated document. Lookups scan every item: the city has tens of
 * gauges and reaches, where a scan costs microseconds and needs no index.
 */
export function assembleRiverNetwork(document: RiverNetworkDocument): RiverNetwork {
  const { gauges, stations, cameras, reaches } = document;
  const reachIndexById = indexById(reaches);
  const reachIndex = (id: string): number => {
    const index = reachIndexById.get(id);
    if (index === undefined) throw new Error(`unknown reach ${id}`);
    return index;
  };
  return {
    document,
    gauges,
    stations,
    cameras,
    reaches,
    gaugeIndexById: indexById(gauges),
    stationIndexById: indexById(stations),
    cameraIndexById: indexById(cameras),
    reachIndexById,
    gaugeReach: Uint16Array.from(gauges, (g) => reachIndex(g.reachId)),
    stationReach: Uint16Array.from(stations, (s) => reachIndex(s.reachId)),
    nearestGauge: (point, maxDistanceM) => nearestPoint(gauges, point, maxDistanceM),
    nearestStation: (point, maxDistanceM) => nearestPoint(stations, point, maxDistanceM),
    nearestReach(point, maxDistanceM) {
      let best: NearestHit | null = null;
      reaches.forEach((reach, index) => {
        const distanceM = distanceToReachM(point, reach);
        if (distanceM <= maxDistanceM && (best === null || distanceM < best.distanceM))
          best = { index, distanceM };
      });
      return best;
    },
  };
}
