/** Parameters of the speed-drop incident detector; defaults tuned on simulated Hangzhou days (docs/indices.md). */
export interface IncidentDetectorOptions {
  /** Time constant of the per-segment EWMA speed baseline, ms. @default 900_000 (15 min) */
  baselineTauMs?: number;
  /** Readings a segment needs before it is judged. @default 10 */
  minBaselineReadings?: number;
  /** A reading is a drop when speed < dropRatio × baseline. @default 0.5 */
  dropRatio?: number;
  /** ...and the neighbours' mean speed ratio exceeds the segment's by at least this much. @default 0.3 */
  minNeighbourContrast?: number;
  /** Consecutive drop readings before an incident is raised. @default 3 */
  persistReadings?: number;
  /** A raised incident counts a recovered reading when speed >= clearRatio × baseline. @default 0.75 */
  clearRatio?: number;
  /** Consecutive recovered readings before it clears. @default 2 */
  clearReadings?: number;
  /** After clearing, the segment cannot raise again for this long, ms. @default 900_000 (15 min) */
  cooldownMs?: number;
  /** A neighbour's ratio is used only when its reading is at most this old, ms. @default 300_000 */
  neighbourFreshMs?: number;
  /** A raised incident clears anyway after this long, ms. @default 14_400_000 (4 h) */
  maxActiveMs?: number;
}

export type ResolvedDetectorOptions = Required<IncidentDetectorOptions>;

/** The defaults of {@link IncidentDetectorOptions}. */
export const DEFAULT_INCIDENT_DETECTOR_OPTIONS: Readonly<ResolvedDetectorOptions> = {
  baselineTauMs: 900_000,
  minBaselineReadings: 10,
  dropRatio: 0.5,
  minNeighbourContrast: 0.3,
  persistReadings: 3,
  clearRatio: 0.75,
  clearReadings: 2,
  cooldownMs: 900_000,
  neighbourFreshMs: 300_000,
  maxActiveMs: 14_400_000,
};

/** Merges options with the defaults and checks them. @throws RangeError on a value out of range */
export function resolveDetectorOptions(options?: IncidentDetectorOptions): ResolvedDetectorOptions {
  const resolved = { ...DEFAULT_INCIDENT_DETECTOR_OPTIONS, ...options };
  for (const [key, value] of Object.entries(resolved)) {
    if (!(Number.isFinite(value) && value >= 0)) throw new RangeError(`${key} must be >= 0, got ${value}`);
  }
  if (!(resolved.dropRatio > 0 && resolved.dropRatio < 1)) {
    throw new RangeError(`dropRatio must be in (0, 1), got ${resolved.dropRatio}`);
  }
  if (resolved.clearRatio < resolved.dropRatio) {
    throw new RangeError(`clearRatio ${resolved.clearRatio} must be >= dropRatio ${resolved.dropRatio}`);
  }
  if (resolved.persistReadings < 1 || resolved.clearReadings < 1) {
    throw new RangeError('persistReadings and clearReadings must be >= 1');
  }
  return resolved;
}
