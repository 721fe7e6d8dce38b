import { describe, expect, it } from 'vitest';
import { buildTtiChartOption, ttiLevelBands } from './tti-chart-option';

describe('ttiLevelBands', () => {
  it('puts the level edges on the TPI knots (TTI 1.3, 1.6, 1.9, 2.2)', () => {
    expect(ttiLevelBands().map((band) => [band.level, band.fromTti])).toEqual([
      [1, 1],
      [2, 1.3],
      [3, 1.6],
      [4, 1.9],
      [5, 2.2],
    ]);
  });
});

describe('buildTtiChartOption', () => {
  const look = {
    levelNames: ['', 'a', 'b', 'c', 'd', 'e'],
    timeZone: 'Asia/Shanghai',
    locale: 'en',
    scale: 1,
  };

  it('spans the whole day on the x axis', () => {
    const option = buildTtiChartOption({ from: 1_000, points: [] }, look) as {
      xAxis: { min: number; max: number };
    };
    expect([option.xAxis.min, option.xAxis.max]).toEqual([1_000, 1_000 + 86_400_000]);
  });

  it('raises the y axis above the highest TTI', () => {
    const option = buildTtiChartOption({ from: 0, points: [{ at: 0, tti: 3.1 }] }, look) as {
      yAxis: { max: number };
    };
    expect(option.yAxis.max).toBeCloseTo(3.2);
  });
});
