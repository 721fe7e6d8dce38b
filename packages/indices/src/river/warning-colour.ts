import type { WarningColour } from '@cbo/contracts';

/** The characteristic levels of a gauge that decide its colour, metres above its datum. */
export interface GaugeThresholds {
  setUpLevelM: number;
  warningLevelM: number;
  guaranteedLevelM: number;
  historicMaxLevelM: number;
}

/** Options of {@link warningColour}. */
export interface WarningColourOptions {
  /** How far below the warning level a gauge counts as "near warning" (blue), metres. @default 0.3 */
  nearWarningM?: number;
}

/** Default margin below the warning level in which a gauge is blue, metres. */
export const DEFAULT_NEAR_WARNING_M = 0.3;

/** Severity rank of each colour: none 0, blue 1, yellow 2, orange 3, red 4. */
export const WARNING_COLOUR_RANK: Readonly<Record<WarningColour, number>> = {
  none: 0,
  blue: 1,
  yellow: 2,
  orange: 3,
  red: 4,
};

/**
 * Level at which a gauge turns blue ("near warning"): `max(setUpLevelM, warningLevelM - nearWarningM)`.
 * The set-up level (起涨水位) is a floor, so a gauge whose set-up level lies within the margin turns blue only
 * once the river has begun to rise.
 */
export function blueThresholdM(gauge: GaugeThresholds, nearWarningM = DEFAULT_NEAR_WARNING_M): number {
  return Math.max(gauge.setUpLevelM, gauge.warningLevelM - nearWarningM);
}

/**
 * Warning colour of a level after the Ministry of Water Resources signals: red at or above the historic
 * maximum, orange at or above the guaranteed level, yellow at or above the warning level, blue at or above
 * {@link blueThresholdM}, else `none`. NaN (no reading) is `none`.
 *
 * @throws RangeError when `nearWarningM` is negative or not finite
 */
export function warningColour(
  gauge: GaugeThresholds,
  levelM: number,
  options: WarningColourOptions = {},
): WarningColour {
  const nearWarningM = options.nearWarningM ?? DEFAULT_NEAR_WARNING_M;
  if (!(nearWarningM >= 0 && Number.isFinite(nearWarningM))) {
    throw new RangeError(`nearWarningM must be a finite number >= 0, got ${nearWarningM}`);
  }
  if (levelM >= gauge.historicMaxLevelM) return 'red';
  if (levelM >= gauge.guaranteedLevelM) return 'orange';
  if (levelM >= gauge.warningLevelM) return 'yellow';
  if (levelM >= blueThresholdM(gauge, nearWarningM)) return 'blue';
  return 'none';
}
