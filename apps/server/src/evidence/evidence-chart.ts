import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EntityMinute } from './evidence-minutes';
import type { EvidenceWindow } from './evidence-window';

echarts.use([LineChart, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, SVGRenderer]);

/** Size of a rendered chart, px. */
export const CHART_WIDTH_PX = 900;
export const CHART_HEIGHT_PX = 360;

/** Axis tick spacings, minutes (the first that gives at most 8 ticks). */
const TICK_MINUTES = [5, 10, 15, 30, 60, 120, 180, 360, 720];

/** Options of {@link renderEntityChartSvg}. */
export interface EntityChartOptions {
  title: string;
  minutes: readonly EntityMinute[];
  window: EvidenceWindow;
  timeZone: string;
}

/**
 * One entity's per-minute speed (km/h, left axis) and TTI (right axis) over the evidence window as a
 * self-contained SVG, rendered server-side by ECharts; detection and closure are vertical marks. Times on the
 * axis are local to the city.
 */
export function renderEntityChartSvg({ title, minutes, window, timeZone }: EntityChartOptions): string {
  const clock = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
  const minutesPerTick = TICK_MINUTES.find((m) => (window.to - window.from) / (m * 60_000) <= 8) ?? 1440;
  const tickMs = minutesPerTick * 60_000;
  const marks = [{ name: 'detected', xAxis: window.detectedAt }];
  if (window.closedAt !== null) marks.push({ name: 'closed', xAxis: window.closedAt });
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: CHART_WIDTH_PX,
    height: CHART_HEIGHT_PX,
  });
  try {
    chart.setOption({
      animation: false,
      backgroundColor: '#ffffff',
      title: { text: title, left: 8, top: 6, textStyle: { fontSize: 14 } },
      legend: { top: 8, right: 8, data: ['speed km/h', 'TTI'] },
      grid: { left: 56, right: 56, top: 64, bottom: 36 },
      xAxis: {
        type: 'value',
        min: Math.floor(window.from / tickMs) * tickMs,
        max: Math.ceil(window.to / tickMs) * tickMs,
        interval: tickMs,
        axisLabel: { formatter: (value: number) => clock.format(value) },
      },
      yAxis: [
        { type: 'value', name: 'km/h', min: 0 },
        { type: 'value', name: 'TTI', min: 1, splitLine: { show: false } },
      ],
      series: [
        {
          name: 'speed km/h',
          type: 'line',
          showSymbol: false,
          color: '#0072b2',
          data: minutes.map((m) => [m.at, m.speedKmh]),
          markLine: {
            symbol: 'none',
            label: { formatter: '{b}' },
            lineStyle: { color: '#d55e00', type: 'dashed' },
            data: marks,
          },
        },
        {
          name: 'TTI',
          type: 'line',
          yAxisIndex: 1,
          showSymbol: false,
          color: '#e69f00',
          lineStyle: { type: 'dotted', width: 2 },
          data: minutes.map((m) => [m.at, m.tti]),
        },
      ],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
