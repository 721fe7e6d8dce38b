/**
 * Jam density per lane, vehicles per km: bumper to bumper at about 6.7 m per stopped car. Typical values in
 * the literature are 120-160 veh/km/lane (HCM 2010 uses about 120-150 for urban streets and freeways).
 */
export const JAM_DENSITY_VEH_PER_KM_PER_LANE = 150;

/** Lowest speed used as a divisor in density = flow / speed, km/h. */
const MIN_SPEED_FOR_DENSITY_KMH = 1;

/**
 * Vehicles on one segment, from the fundamental relation density = flow / speed:
 *
 * - flow known: `k = q / max(v, 1)` veh/km;
 * - flow unknown: Greenshields' linear speed-density model `k = lanes · kj · (1 - v / vf)`;
 *
 * both capped at the jam density `lanes · kj` and floored at 0; vehicles = `k · L / 1000`.
 *
 * @param lengthM - segment length, m
 * @param lanes - lanes in the direction of travel
 * @param freeFlowKmh - free-flow speed, km/h, > 0
 * @param speedKmh - current speed, km/h
 * @param flowVph - vehicles per hour over the segment, NaN when unknown
 */
export function segmentVehicles(
  lengthM: number,
  lanes: number,
  freeFlowKmh: number,
  speedKmh: number,
  flowVph: number,
): number {
  const jamDensity = lanes * JAM_DENSITY_VEH_PER_KM_PER_LANE;
  let density: number;
  if (flowVph === flowVph) {
    density = flowVph / Math.max(speedKmh, MIN_SPEED_FOR_DENSITY_KMH);
  } else {
    density = jamDensity * (1 - speedKmh / freeFlowKmh);
  }
  if (density > jamDensity) density = jamDensity;
  if (!(density > 0)) return 0;
  return (density * lengthM) / 1000;
}
