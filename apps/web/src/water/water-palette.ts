import type { WarningColour, WaterClass } from '@cbo/contracts';

type Rgb = [number, number, number];

/**
 * Flood-warning signal colours (the Ministry of Water Resources' blue, yellow, orange, red), tuned for a dark
 * map; `none` is a calm river grey-blue. Never the only cue: gauges also carry a size and a `!` count label.
 */
export const WARNING_RGB: Readonly<Record<WarningColour, Rgb>> = {
  none: [96, 140, 170],
  blue: [86, 180, 233],
  yellow: [240, 228, 66],
  orange: [230, 159, 0],
  red: [235, 64, 52],
};

/** Severity rank of a colour: none 0 ... red 4. */
export const WARNING_RANK: Readonly<Record<WarningColour, number>> = {
  none: 0,
  blue: 1,
  yellow: 2,
  orange: 3,
  red: 4,
};

/** The label cue of a colour on the map: nothing, then one to four `!`. */
export const warningMark = (colour: WarningColour): string => '!'.repeat(WARNING_RANK[colour]);

/** Water class colours I..劣V (the conventional blue-green-yellow-orange-red scale), by class - 1. */
export const CLASS_RGB: readonly Rgb[] = [
  [0, 114, 178],
  [86, 180, 233],
  [0, 158, 115],
  [240, 228, 66],
  [230, 159, 0],
  [213, 94, 0],
];
/** Colour of a station without a fresh class. */
export const NO_CLASS_RGB: Rgb = [120, 130, 145];

/** Roman labels of the classes; 劣V is written as printed in GB 3838-2002. */
export const CLASS_LABELS = ['I', 'II', 'III', 'IV', 'V', '劣V'] as const;

/** Label of a class, or `–` without one. */
export const classLabel = (waterClass: WaterClass | null): string =>
  waterClass === null ? '–' : CLASS_LABELS[waterClass - 1]!;

/** CSS colour of an RGB triple. */
export const cssRgb = ([r, g, b]: Rgb): string => `rgb(${r}, ${g}, ${b})`;

/** Colour of pollution events on the map and in the feed: magenta, apart from both scales. */
export const EVENT_RGB: Rgb = [204, 121, 167];
/** Colour of flooded road segments: a bright cyan over the congestion palette. */
export const FLOODED_RGB: Rgb = [0, 229, 255];
