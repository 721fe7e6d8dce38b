import { measureBikeLayers } from '../apps/web/src/bikes/measure-bike-layers';
import type { BikeLayerFigures } from '../apps/web/src/bikes/measure-bike-layers';

export { measureBikeLayers };

/**
 * Rows of `pnpm bench` for the browser's bike data path at 300,000 bikes (the code the /bikes screen and the
 * wall run per frame, timed in Node): each step against a bare typed-array copy of the same bikes in the same run.
 */
export function bikeLayerRows(
  figures: BikeLayerFigures,
): { metric: string; value: string; goal: string; met: boolean | null }[] {
  const n = (value: number, digits = 1): string =>
    value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const bikes = figures.bikes.toLocaleString('en-US');
  return [
    {
      metric: `(k) browser: hexagon aggregation of ${bikes} bikes, ms / x bare copy (${figures.hexCells} cells)`,
      value: `${n(figures.hexAggregationMs)} / ${n(figures.hexAggregationRatio)}`,
      goal: '',
      met: null,
    },
    {
      metric: `(k) browser: apply a snapshot of ${bikes} bikes, ms / x bare copy`,
      value: `${n(figures.snapshotApplyMs)} / ${n(figures.snapshotApplyRatio)}`,
      goal: '',
      met: null,
    },
    {
      metric: `(k) browser: apply a delta of ${figures.changedBikes.toLocaleString('en-US')} moved bikes, ms / x bare copy`,
      value: `${n(figures.deltaApplyMs)} / ${n(figures.deltaApplyRatio)}`,
      goal: '',
      met: null,
    },
  ];
}
