import type { Layer } from '@deck.gl/core';
import { useBikeBridge } from './use-bike-bridge';
import type { BikeBridge } from './use-bike-bridge';
import { useBikeOverlay } from './use-bike-overlay';

/** Hexagons on the wall are larger than on /bikes: fewer cells, a calmer picture from afar. */
const WALL_HEX_RADIUS_M = 400;
/** The wall draws its hexagons under the roads, faint, so they never read as congestion colours. */
const WALL_HEX_OPACITY = 0.3;

/**
 * The wall's bike stream and map layers: density hexagons and zone states only (no per-bike dots, no
 * stations), so the wall stays smooth at 300,000 bikes.
 *
 * @param scale - pixel scale of the screen (1 at 1080 px high)
 */
export function useWallBikes(scale: number): { bridge: BikeBridge; layers: readonly Layer[] } {
  const bridge = useBikeBridge(WALL_HEX_RADIUS_M);
  const layers = useBikeOverlay(bridge, {
    bikes: 'hexagons',
    stations: false,
    zones: true,
    scale,
    hexOpacity: WALL_HEX_OPACITY,
  });
  return { bridge, layers };
}
