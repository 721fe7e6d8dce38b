import type { EChartsCoreOption } from 'echarts/core';
import type { TtiSeries } from '@cbo/contracts';
import { TPI_KNOTS } from '@cbo/indices';
import { levelCssColor } from '../map/level-palette';

const DAY_MS = 86_400_000;

/** TTI band of each congestion level 1-5, from the TPI knots (band edges sit on knots). */
export function ttiLevelBands(): { level: number; fromTti: number; toTti: number }[] {
  const edges = TPI_KNOTS.map(([tti]) => tti);
  return [1, 2, 3, 4, 5].map((level) => ({
    level,
    fromTti: edges[level - 1] ?? 1,
    toTti: level === 5 ? Number.POSITIVE_INFINITY : (edges[level] ?? 10),
  }));
}

/** Labels and sizes the chart needs from the screen. */
export interface TtiChartLook {
  levelNames: readonly string[];
  timeZone: string;
  locale: string;
  /** Pixel scale of the screen, 1 at 1080 px high. */
  scale: number;
}

/**
 * ECharts option of the network TTI line since local midnight, with the level bands as mark areas.
 * The x axis always spans the whole day so the line grows from the left.
 */
export function buildTtiChartOption(series: TtiSeries, look: TtiChartLook): EChartsCoreOption {
  const maxTti = series.points.reduce((max, p) => (p.tti !== null && p.tti > max ? p.tti : max), 0);
  const yMax = Math.max(2.5, Math.ceil(maxTti * 5) / 5);
  const font = Math.round(15 * look.scale);
  // Clock times read the same in both languages: "08:00".
  const hourFormat = new Intl.DateTimeFormat('en-GB', {
    timeZone: look.timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const bands = ttiLevelBands().map((band) => [
    {
      yAxis: band.fromTti,
      name: look.levelNames[band.level] ?? '',
      itemStyle: { color: levelCssColor(band.level, 0.16) },
    },
    { yAxis: Math.min(band.toTti, yMax) },
  ]);
  return {
    animation: false,
    backgroundColor: 'transparent',
    grid: { left: font * 3, right: font * 5.5, top: font * 1.2, bottom: font * 2.2 },
    xAxis: {
      type: 'time',
      min: series.from,
      max: series.from + DAY_MS,
      splitNumber: 6,
      axisLabel: {
        color: '#9fb0c8',
        fontSize: font,
        formatter: (value: number) => hourFormat.format(value),
      },
      axisLine: { lineStyle: { color: '#34435c' } },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      min: 1,
      max: yMax,
      interval: 0.5,
      axisLabel: { color: '#9fb0c8', fontSize: font, formatter: (value: number) => value.toFixed(1) },
      splitLine: { lineStyle: { color: '#1c2638' } },
    },
    series: [
      {
        type: 'line',
        name: 'TTI',
        showSymbol: false,
        connectNulls: false,
        lineStyle: { color: '#e6edf7', width: Math.max(1.5, 2.5 * look.scale) },
        data: series.points.map((p) => [p.at, p.tti]),
        markArea: {
          silent: true,
          label: { show: true, position: 'right', color: '#9fb0c8', fontSize: font * 0.9 },
          data: bands,
        },
      },
    ],
  };
}
