import type { CongestionLevel } from '@cbo/contracts';

/** An RGBA colour, 0-255 per channel. */
export type Rgba = readonly [red: number, green: number, blue: number, alpha: number];

/**
 * Colour per congestion level (index = level, 0 = no fresh data). A ColorBrewer RdYlBu-style ramp: blue for
 * free flow through yellow to red, which stays ordered for the common colour-vision deficiencies; the width
 * ramp in {@link LEVEL_WIDTH_FACTORS} is the second cue.
 */
export const LEVEL_COLORS: readonly Rgba[] = [
  [88, 96, 110, 140],
  [78, 163, 217, 255],
  [165, 216, 230, 255],
  [254, 224, 144, 255],
  [252, 141, 89, 255],
  [215, 48, 31, 255],
];

/** Line width multiplier per level (index = level): congested roads are drawn thicker. */
export const LEVEL_WIDTH_FACTORS: readonly number[] = [0.6, 1, 1.2, 1.6, 2.1, 2.8];

/** Base line width per road class index (`ROAD_CLASSES` order: expressway, arterial, secondary, branch), px. */
export const ROAD_CLASS_WIDTHS_PX: readonly number[] = [4, 3, 2, 1.4];

/** Fill alpha for district shading by TPI level (index = level). */
export const DISTRICT_FILL_ALPHA: readonly number[] = [0.08, 0.16, 0.2, 0.26, 0.32, 0.38];

/**
 * CSS colour of a level, for legends, ranking bars and chart bands.
 *
 * @param level - 0 (no data) to 5 (严重拥堵)
 * @param alpha - optional alpha override, 0-1
 */
export function levelCssColor(level: CongestionLevel | number, alpha?: number): string {
  const rgba = LEVEL_COLORS[level] ?? LEVEL_COLORS[0]!;
  const a = alpha ?? rgba[3] / 255;
  return `rgba(${rgba[0]}, ${rgba[1]}, ${rgba[2]}, ${a})`;
}
