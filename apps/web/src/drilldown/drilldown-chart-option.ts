import type { EChartsCoreOption } from 'echarts/core';
import type { AreaToday } from '@cbo/contracts';

const DAY_MS = 86_400_000;
const SPEED_COLOR = '#56b4e9';
const TTI_COLOR = '#e69f00';

/** Labels and sizes of the drill-down chart. */
export interface DrilldownChartLook {
  timeZone: string;
  scale: number;
  labels: { speed: string; today: string; typical: string };
}

/**
 * Speed (left axis, blue) and TTI (right axis, orange) of an area over its local day: today solid, the
 * typical day dashed (line style is the second cue besides colour).
 */
export function buildDrilldownChartOption(area: AreaToday, look: DrilldownChartLook): EChartsCoreOption {
  const font = Math.round(13 * look.scale);
  const hourFormat = new Intl.DateTimeFormat('en-GB', {
    timeZone: look.timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const line = (
    name: string,
    values: (number | null)[],
    color: string,
    dashed: boolean,
    yAxisIndex: number,
  ) => ({
    type: 'line',
    name,
    yAxisIndex,
    showSymbol: false,
    connectNulls: false,
    lineStyle: {
      color,
      width: Math.max(1.2, (dashed ? 1.5 : 2.2) * look.scale),
      type: dashed ? 'dashed' : 'solid',
    },
    itemStyle: { color },
    data: area.points.map((p, k) => [p.at, values[k]]),
  });
  const { labels } = look;
  return {
    animation: false,
    backgroundColor: 'transparent',
    legend: {
      top: 0,
      left: 'center',
      textStyle: { color: '#c8d4e6', fontSize: font },
      itemWidth: font * 1.8,
    },
    grid: { left: font * 2.6, right: font * 2.8, top: font * 2.4, bottom: font * 1.8 },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'time',
      min: area.dayStart,
      max: area.dayStart + DAY_MS,
      splitNumber: 6,
      axisLabel: { color: '#9fb0c8', fontSize: font, formatter: (value: number) => hourFormat.format(value) },
      axisLine: { lineStyle: { color: '#34435c' } },
    },
    yAxis: [
      {
        type: 'value',
        min: 0,
        axisLabel: { color: SPEED_COLOR, fontSize: font },
        splitLine: { lineStyle: { color: '#1c2638' } },
      },
      {
        type: 'value',
        min: 1,
        axisLabel: { color: TTI_COLOR, fontSize: font, formatter: (v: number) => v.toFixed(1) },
        splitLine: { show: false },
      },
    ],
    series: [
      line(
        `${labels.speed} ${labels.today}`,
        area.points.map((p) => p.speedKmh),
        SPEED_COLOR,
        false,
        0,
      ),
      line(
        `${labels.speed} ${labels.typical}`,
        area.points.map((p) => p.typicalSpeedKmh),
        SPEED_COLOR,
        true,
        0,
      ),
      line(
        `TTI ${labels.today}`,
        area.points.map((p) => p.tti),
        TTI_COLOR,
        false,
        1,
      ),
      line(
        `TTI ${labels.typical}`,
        area.points.map((p) => p.typicalTti),
        TTI_COLOR,
        true,
        1,
      ),
    ],
  };
}
