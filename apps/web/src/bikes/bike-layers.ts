import { COORDINATE_SYSTEM } from '@deck.gl/core';
import type { Layer } from '@deck.gl/core';
import { ColumnLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { BikeFrameStore } from './bike-frame-store';

/** How bikes are drawn: one dot per bike, or density hexagons. */
export type BikeLayerMode = 'points' | 'hexagons';

/** Layer id of the bike dots. */
export const BIKE_POINTS_LAYER_ID = 'bike-points';
/** Layer id of the bike density hexagons. */
export const BIKE_HEXAGONS_LAYER_ID = 'bike-hexagons';

/** Radius of a bike dot, px at scale 1. */
const BIKE_RADIUS_PX = 2.2;
/** Share of a hexagon's radius drawn, leaving a thin gap between cells. */
const HEX_COVERAGE = 0.9;

type BinaryAttribute = {
  value: Float32Array | Uint8Array;
  size: number;
  normalized?: boolean;
};
type BinaryData = { length: number; attributes: Record<string, BinaryAttribute> };

function originOf(store: BikeFrameStore): [number, number, number] {
  return store.origin ? [store.origin[0], store.origin[1], 0] : [0, 0, 0];
}

/**
 * The bikes as dots straight from the store's typed arrays (no per-bike objects): fill by state, and an
 * outline ring for the flags (yellow: no permit; white: in a no-parking zone). Positions are
 * `LNGLAT_OFFSETS` from the frame origin. Call once per store version: the data wrapper is new, the arrays
 * are the store's own, so deck.gl re-uploads them and nothing else.
 *
 * @param scale - pixel scale of the screen (1 at 1080 px high)
 */
export function buildBikePointLayer(store: BikeFrameStore, scale: number, visible: boolean): Layer {
  const data: BinaryData = {
    length: store.length,
    attributes: {
      getPosition: { value: store.offsets, size: 2 },
      getFillColor: { value: store.fillColors, size: 4, normalized: true },
      getLineColor: { value: store.lineColors, size: 4, normalized: true },
      getLineWidth: { value: store.lineWidthsPx, size: 1 },
    },
  };
  return new ScatterplotLayer({
    id: BIKE_POINTS_LAYER_ID,
    data: data as never,
    visible,
    coordinateSystem: COORDINATE_SYSTEM.LNGLAT_OFFSETS,
    coordinateOrigin: originOf(store),
    radiusUnits: 'pixels',
    getRadius: BIKE_RADIUS_PX * scale,
    radiusMinPixels: 1,
    stroked: true,
    filled: true,
    lineWidthUnits: 'pixels',
    lineWidthScale: scale,
    updateTriggers: { all: store.version },
  });
}

/**
 * Bike density as flat hexagons from the store's incrementally kept grid: one instance per cell (a few
 * thousand, not 300,000), centres and colours as binary attributes, coloured by density class.
 *
 * @param opacity - layer opacity, 0-1
 */
export function buildBikeHexLayer(store: BikeFrameStore, visible: boolean, opacity = 1): Layer | null {
  const grid = store.grid;
  if (!grid) return null;
  const data: BinaryData = {
    length: grid.slotCount,
    attributes: {
      getPosition: { value: grid.centres, size: 2 },
      getFillColor: { value: grid.colors, size: 4, normalized: true },
    },
  };
  return new ColumnLayer({
    id: BIKE_HEXAGONS_LAYER_ID,
    data: data as never,
    visible,
    opacity,
    coordinateSystem: COORDINATE_SYSTEM.LNGLAT_OFFSETS,
    coordinateOrigin: [grid.origin[0], grid.origin[1], 0],
    diskResolution: 6,
    radius: grid.radiusM,
    coverage: HEX_COVERAGE,
    extruded: false,
    stroked: false,
    filled: true,
    updateTriggers: { all: store.version },
  });
}
