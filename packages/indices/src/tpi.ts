import type { SegmentLevel } from './congestion-level';

/**
 * Knots `[tti, tpi]` of the piecewise-linear TTI -> TPI mapping. TPI (traffic performance index, 0-10) is
 * read in bands of 2, as in Beijing's DB11/T 785-2011 (城市道路交通运行评价指标体系): [0,2) 畅通,
 * [2,4) 基本畅通, [4,6) 轻度拥堵, [6,8) 中度拥堵, [8,10] 严重拥堵. Each band edge sits on a TTI knot, so the
 * level of a TTI can be read straight off this table. Below the first knot TPI is 0; above the last, 10.
 */
export const TPI_KNOTS: readonly (readonly [tti: number, tpi: number])[] = [
  [1.0, 0],
  [1.3, 2],
  [1.6, 4],
  [1.9, 6],
  [2.2, 8],
  [3.0, 10],
];

/**
 * Traffic performance index 0-10 from a travel time index, by linear interpolation between
 * {@link TPI_KNOTS}.
 *
 * @param tti - travel time index (>= 1 in practice; lower values give 0)
 * @throws RangeError when `tti` is NaN
 */
export function tpiFromTti(tti: number): number {
  if (Number.isNaN(tti)) throw new RangeError('tti must be a number, got NaN');
  const first = TPI_KNOTS[0]!;
  if (tti <= first[0]) return first[1];
  for (let k = 1; k < TPI_KNOTS.length; k += 1) {
    const [x1, y1] = TPI_KNOTS[k]!;
    if (tti <= x1) {
      const [x0, y0] = TPI_KNOTS[k - 1]!;
      return y0 + ((tti - x0) * (y1 - y0)) / (x1 - x0);
    }
  }
  return TPI_KNOTS[TPI_KNOTS.length - 1]![1];
}

/**
 * Congestion level of a TPI by the DB11/T 785 bands: [0,2) 1, [2,4) 2, [4,6) 3, [6,8) 4, [8,10] 5.
 * A band's lower edge belongs to it (TPI 2 is level 2). Values outside 0-10 take the nearest band.
 *
 * @throws RangeError when `tpi` is NaN
 */
export function levelFromTpi(tpi: number): SegmentLevel {
  if (Number.isNaN(tpi)) throw new RangeError('tpi must be a number, got NaN');
  if (tpi < 2) return 1;
  if (tpi < 4) return 2;
  if (tpi < 6) return 3;
  if (tpi < 8) return 4;
  return 5;
}
