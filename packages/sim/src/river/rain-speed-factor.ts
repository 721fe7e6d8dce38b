import type { City } from '@cbo/city';
import type { RainArea, RainField } from './rain-field';

/**
 * Speed factor of rain, piecewise linear in intensity (mm/h) through (0, 1), (2.5, 0.97), (7.6, 0.9),
 * (30, 0.8), (60, 0.72), flat beyond: light rain costs a few per cent of speed, heavy rain about 10 %, a
 * downpour a fifth to a quarter. The break points are the light / moderate / heavy rain bounds of the
 * AMS glossary (2.5 and 7.6 mm/h); the reductions follow the free-flow speed reductions reported for rain in
 * the Highway Capacity Manual (2010, Exhibit 10-15: about 2-14 % light, 4-17 % heavy) and urban studies
 * of heavier downpours (docs/rivers.md).
 */
export function rainSpeedFactor(rainMmPerH: number): number {
  if (!(rainMmPerH > 0)) return 1;
  const points: readonly (readonly [number, number])[] = [
    [0, 1],
    [2.5, 0.97],
    [7.6, 0.9],
    [30, 0.8],
    [60, 0.72],
  ];
  for (let k = 1; k < points.length; k += 1) {
    const [x1, y1] = points[k] as readonly [number, number];
    if (rainMmPerH <= x1) {
      const [x0, y0] = points[k - 1] as readonly [number, number];
      return y0 + ((y1 - y0) * (rainMmPerH - x0)) / (x1 - x0);
    }
  }
  return 0.72;
}

/** Rain is sampled per district once per this slot, ms. */
export const RAIN_SLOT_MS = 300_000;

/**
 * A deterministic `speedFactorAt` for `createTrafficSim`: the rain factor of the mean intensity over the
 * segment's district, sampled at the middle of each 5-minute slot (cached per slot).
 */
export function districtRainSpeedFactor(
  city: Pick<City, 'segmentDistrict'>,
  rain: RainField,
  areas: readonly RainArea[],
): (segmentIndex: number, at: number) => number {
  let slot = Number.NaN;
  let factors = new Float64Array(areas.length).fill(1);
  return (segmentIndex, at) => {
    const s = Math.floor(at / RAIN_SLOT_MS);
    if (s !== slot) {
      slot = s;
      const active = rain.stormsActiveAt(s * RAIN_SLOT_MS + RAIN_SLOT_MS / 2).length > 0;
      factors = active
        ? rain.areaIntensitiesMmPerH(areas, s * RAIN_SLOT_MS + RAIN_SLOT_MS / 2).map(rainSpeedFactor)
        : new Float64Array(areas.length).fill(1);
    }
    return factors[city.segmentDistrict[segmentIndex] as number] ?? 1;
  };
}
