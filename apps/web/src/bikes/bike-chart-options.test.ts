import { describe, expect, it } from 'vitest';
import type { BikeOperatorMetrics, BikeOperatorSeries } from '@cbo/contracts';
import {
  buildDistributionOption,
  buildFleetQuotaOption,
  buildOperatorDayOption,
  localMidnight,
} from './bike-chart-options';
import type { BikeChartLook } from './bike-chart-options';

const LOOK: BikeChartLook = {
  labels: { parked: 'parked', inUse: 'in use', faulty: 'faulty', quota: 'quota', rideRate: 'ride rate' },
  nameOf: (id) => id.toUpperCase(),
  timeZone: 'Asia/Shanghai',
  scale: 1,
};

function operator(
  operatorId: string,
  parked: number,
  inUse: number,
  quota: number | null,
): BikeOperatorMetrics {
  const fleet = parked + inUse;
  return {
    operatorId,
    quota,
    fleetOverQuota: quota === null ? null : fleet - quota,
    fleet,
    parked,
    inUse,
    faulty: 0,
    reserved: 0,
    rideRate: fleet === 0 ? null : inUse / fleet,
    inNoParking: 0,
    unpermitted: 0,
  };
}

type Series = { name: string; data: unknown[]; label?: { formatter: (p: { dataIndex: number }) => string } };

describe('bike chart options', () => {
  it('stacks the fleet per operator and labels only the excess over quota', () => {
    const option = buildFleetQuotaOption([operator('a', 90, 20, 100), operator('b', 40, 10, 100)], LOOK);
    const series = option['series'] as Series[];
    expect((option['yAxis'] as { data: string[] }).data).toEqual(['A', 'B']);
    expect(series[0]!.data).toEqual([90, 40]);
    expect(series[1]!.data).toEqual([20, 10]);
    expect(series[3]!.data).toEqual([100, 100]);
    expect(series[3]!.label!.formatter({ dataIndex: 0 })).toBe('+10');
    expect(series[3]!.label!.formatter({ dataIndex: 1 })).toBe('');
  });

  it('plots the ride rate in percent with gaps where it is unknown', () => {
    const series: BikeOperatorSeries = {
      operatorId: 'a',
      date: '2026-12-04',
      bucketMin: 15,
      quota: 100,
      points: [
        {
          at: 0,
          fleet: 100,
          parked: 75,
          inUse: 25,
          faulty: 0,
          rideRate: 0.25,
          inNoParking: 0,
          unpermitted: 0,
        },
        {
          at: 900_000,
          fleet: 0,
          parked: 0,
          inUse: 0,
          faulty: 0,
          rideRate: null,
          inNoParking: 0,
          unpermitted: 0,
        },
      ],
      distribution: [],
    };
    const [rate, inUse] = buildOperatorDayOption(series, LOOK)['series'] as Series[];
    expect(rate!.data).toEqual([
      [0, 25],
      [900_000, null],
    ]);
    expect(inUse!.data).toEqual([
      [0, 25],
      [900_000, 0],
    ]);
  });

  it('finds local midnight in the city time zone (UTC+8) and spans the day on the time axis', () => {
    expect(localMidnight('2026-12-04', 'Asia/Shanghai')).toBe(Date.UTC(2026, 11, 3, 16, 0));
    const series: BikeOperatorSeries = {
      operatorId: 'a',
      date: '2026-12-04',
      bucketMin: 15,
      quota: null,
      points: [],
      distribution: [],
    };
    const axis = buildOperatorDayOption(series, LOOK)['xAxis'] as { min: number; max: number };
    expect(axis.max - axis.min).toBe(86_400_000);
  });

  it('lists the busiest districts first from the top of the chart, cut at the limit', () => {
    const option = buildDistributionOption(
      [
        { districtId: 'x', parked: 1, inUse: 0 },
        { districtId: 'y', parked: 5, inUse: 5 },
        { districtId: 'z', parked: 3, inUse: 0 },
      ],
      LOOK,
      2,
    );
    // Category axes draw bottom-up, so the busiest district is last in the data.
    expect((option['yAxis'] as { data: string[] }).data).toEqual(['Z', 'Y']);
  });
});
