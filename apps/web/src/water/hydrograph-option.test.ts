import { describe, expect, it } from 'vitest';
import type { GaugeSeries } from '@cbo/contracts';
import { buildHydrographOption, thresholdLines } from './hydrograph-option';

const names = { level: 'L', forecast: 'F', blue: 'B', warning: 'W', guaranteed: 'G', historicMax: 'H' };
const series: GaugeSeries = {
  gaugeId: 'g',
  date: '2026-01-15',
  from: 0,
  to: 86_399_999,
  levels: [
    { at: 0, levelM: 3.2 },
    { at: 3_600_000, levelM: 3.5 },
  ],
  thresholds: {
    normalLevelM: 3.15,
    blueLevelM: 3.65,
    warningLevelM: 3.95,
    guaranteedLevelM: 4.45,
    historicMaxLevelM: 4.9,
  },
  forecast: [
    { at: 3_600_000, levelM: 3.5 },
    { at: 7_200_000, levelM: 3.8 },
  ],
  timeToWarningMs: 5_400_000,
};

describe('buildHydrographOption', () => {
  it('draws the thresholds lowest first with their levels', () => {
    expect(thresholdLines(series, names).map((l) => [l.name, l.levelM])).toEqual([
      ['B', 3.65],
      ['W', 3.95],
      ['G', 4.45],
      ['H', 4.9],
    ]);
  });

  it('keeps the warning level in view and leaves out lines above the axis', () => {
    const option = buildHydrographOption(series, { timeZone: 'Asia/Shanghai', names, scale: 1 });
    const yAxis = option['yAxis'] as { max: number; min: number };
    expect(yAxis.max).toBe(4.3); // ceil((3.95 + 0.2 + 0.1) * 10) / 10
    expect(yAxis.min).toBe(2.9);
    const [levels, forecast] = option['series'] as {
      markLine?: { data: { name: string }[] };
      data: unknown[];
    }[];
    expect(levels!.markLine!.data.map((d) => d.name)).toEqual(['B', 'W']);
    expect(forecast!.data).toEqual([
      [3_600_000, 3.5],
      [7_200_000, 3.8],
    ]);
  });
});
