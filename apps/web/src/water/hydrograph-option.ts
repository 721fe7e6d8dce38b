import type { EChartsCoreOption } from 'echarts/core';
import type { GaugeSeries } from '@cbo/contracts';
import { cssRgb, WARNING_RGB } from './water-palette';

/** Names and sizes the chart needs from the screen. */
export interface HydrographLook {
  timeZone: string;
  /** Threshold and series names in the screen's language. */
  names: {
    level: string;
    forecast: string;
    blue: string;
    warning: string;
    guaranteed: string;
    historicMax: string;
  };
  /** Pixel scale of the screen, 1 at 1080 px high. */
  scale: number;
}

/** The threshold lines of a series: level, name and colour, lowest first. */
export function thresholdLines(series: GaugeSeries, names: HydrographLook['names']) {
  const t = series.thresholds;
  return [
    { levelM: t.blueLevelM, name: names.blue, colour: cssRgb(WARNING_RGB.blue) },
    { levelM: t.warningLevelM, name: names.warning, colour: cssRgb(WARNING_RGB.yellow) },
    { levelM: t.guaranteedLevelM, name: names.guaranteed, colour: cssRgb(WARNING_RGB.orange) },
    { levelM: t.historicMaxLevelM, name: names.historicMax, colour: cssRgb(WARNING_RGB.red) },
  ];
}

/**
 * ECharts option of a gauge's hydrograph: the day's levels, the forecast as a dashed continuation, and the
 * blue, warning, guaranteed and historic-maximum levels as labelled horizontal lines. The y axis always
 * shows the warning level; the x axis spans the whole local day.
 */
export function buildHydrographOption(series: GaugeSeries, look: HydrographLook): EChartsCoreOption {
  const font = Math.round(13 * look.scale);
  const hourFormat = new Intl.DateTimeFormat('en-GB', {
    timeZone: look.timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const lines = thresholdLines(series, look.names);
  const values = [...series.levels, ...series.forecast].map((p) => p.levelM);
  const yMin = Math.floor((Math.min(series.thresholds.normalLevelM, ...values) - 0.2) * 10) / 10;
  const yMax = Math.ceil((Math.max(series.thresholds.warningLevelM + 0.2, ...values) + 0.1) * 10) / 10;
  return {
    animation: false,
    grid: { left: 44 * look.scale, right: 96 * look.scale, top: 12 * look.scale, bottom: 24 * look.scale },
    xAxis: {
      type: 'time',
      min: series.from,
      max: Math.max(series.to, series.forecast.at(-1)?.at ?? 0),
      axisLabel: { color: '#9fb0c8', fontSize: font, formatter: (v: number) => hourFormat.format(v) },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      min: yMin,
      max: yMax,
      axisLabel: { color: '#9fb0c8', fontSize: font },
      splitLine: { lineStyle: { color: '#22304a' } },
    },
    series: [
      {
        name: look.names.level,
        type: 'line',
        // A few readings (a feed that just started) show as dots; a day of them as a line.
        showSymbol: series.levels.length < 24,
        symbolSize: 6 * look.scale,
        data: series.levels.map((p) => [p.at, p.levelM]),
        lineStyle: { color: '#e6edf7', width: 2 * look.scale },
        markLine: {
          symbol: 'none',
          silent: true,
          data: lines
            .filter((line) => line.levelM <= yMax)
            .map((line) => ({
              yAxis: line.levelM,
              name: line.name,
              lineStyle: { color: line.colour, type: 'dashed', width: 1.5 * look.scale },
              label: {
                color: line.colour,
                fontSize: font,
                formatter: `${line.name} ${line.levelM.toFixed(2)}`,
              },
            })),
        },
      },
      {
        name: look.names.forecast,
        type: 'line',
        showSymbol: false,
        data: series.forecast.map((p) => [p.at, p.levelM]),
        lineStyle: { color: '#56b4e9', width: 2 * look.scale, type: 'dashed' },
      },
    ],
  };
}
