import type { BikeZoneState, StationFillState } from '@cbo/contracts';
import type { Rgba } from '../map/level-palette';

/**
 * Colours of the bike layers. Okabe-Ito hues (safe for the common colour-vision deficiencies), each paired with
 * a second cue: flags draw an outline ring, station fill states differ in shape (hollow ring, dot, ringed dot),
 * zone states in outline width and a count label, hexagon density in lightness.
 */

/** Dot colour per bike state index (`BIKE_STATES` order: parked, in-use, faulty, reserved). */
export const BIKE_STATE_COLORS: readonly Rgba[] = [
  [86, 180, 233, 230],
  [230, 159, 0, 235],
  [213, 94, 0, 235],
  [204, 121, 167, 235],
];

/** Ring of a bike without a permit (yellow). */
export const NO_PERMIT_RING: Rgba = [240, 228, 66, 255];
/** Ring of a bike parked in a no-parking zone (white; wins over the permit ring when both apply). */
export const NO_PARKING_RING: Rgba = [255, 255, 255, 255];
/** Ring width of a flagged bike, px at scale 1 (0 for the others). */
export const FLAG_RING_WIDTH_PX = 1.5;

/** Bikes per hexagon at which each density class starts (class index = position + 1; 0 = empty). */
export const HEX_DENSITY_BREAKS: readonly number[] = [1, 3, 8, 20, 50, 120];

/** Fill per density class (viridis: dark violet to yellow, lightness rising with density). */
export const HEX_DENSITY_COLORS: readonly Rgba[] = [
  [0, 0, 0, 0],
  [72, 40, 120, 150],
  [62, 74, 137, 175],
  [38, 130, 142, 195],
  [53, 183, 121, 215],
  [144, 215, 67, 230],
  [253, 231, 37, 240],
];

/** Density class of a hexagon holding `count` bikes (0 = empty). */
export function hexDensityClass(count: number): number {
  let densityClass = 0;
  for (const lower of HEX_DENSITY_BREAKS) if (count >= lower) densityClass += 1;
  return densityClass;
}

/** Station colour per fill state. */
export const STATION_FILL_COLORS: Readonly<Record<StationFillState, Rgba>> = {
  empty: [213, 94, 0, 255],
  low: [230, 159, 0, 255],
  ok: [0, 158, 115, 255],
  high: [86, 180, 233, 255],
  full: [0, 114, 178, 255],
  unknown: [140, 150, 165, 200],
};

/** Zone fill and outline per state; outline width (px at scale 1) is the second cue. */
export const ZONE_STATE_STYLE: Readonly<
  Record<BikeZoneState, { fill: Rgba; line: Rgba; lineWidthPx: number }>
> = {
  ok: { fill: [120, 140, 170, 25], line: [140, 160, 190, 150], lineWidthPx: 1 },
  busy: { fill: [240, 228, 66, 45], line: [240, 228, 66, 220], lineWidthPx: 1.5 },
  saturated: { fill: [230, 159, 0, 80], line: [230, 159, 0, 255], lineWidthPx: 3 },
  violation: { fill: [213, 94, 0, 95], line: [213, 94, 0, 255], lineWidthPx: 3 },
};

/** CSS colour of an RGBA palette entry. */
export function cssColor(rgba: Rgba, alpha?: number): string {
  return `rgba(${rgba[0]}, ${rgba[1]}, ${rgba[2]}, ${alpha ?? rgba[3] / 255})`;
}
