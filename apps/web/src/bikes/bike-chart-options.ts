import type { EChartsCoreOption } from 'echarts/core';
import type { BikeOperatorMetrics, BikeOperatorSeries } from '@cbo/contracts';
import { BIKE_STATE_COLORS, cssColor } from './bike-palette';

const AXIS_TEXT = '#9fb0c8';
const SPLIT_LINE = '#1c2638';
const PARKED = cssColor(BIKE_STATE_COLORS[0]!, 1);
const IN_USE = cssColor(BIKE_STATE_COLORS[1]!, 1);
const FAULTY = cssColor(BIKE_STATE_COLORS[2]!, 1);

/** Texts and sizes the bike charts need from the screen. */
export interface BikeChartLook {
  labels: { parked: string; inUse: string; faulty: string; quota: string; rideRate: string };
  /** Display name of an operator or district id. */
  nameOf: (id: string) => string;
  timeZone: string;
  /** Pixel scale of the screen, 1 at 1080 px high. */
  scale: number;
}

function fontOf(look: BikeChartLook): number {
  return Math.round(13 * look.scale);
}

function legendOf(look: BikeChartLook, names: string[]): Record<string, unknown> {
  const font = fontOf(look);
  return { top: 0, textStyle: { color: AXIS_TEXT, fontSize: font }, itemHeight: font * 0.8, data: names };
}

/**
 * Fleet against quota per operator: stacked bars of parked, in use and faulty bikes with the quota as a white
 * tick (a shape, not only a colour); an operator over quota gets its excess as a label.
 */
export function buildFleetQuotaOption(
  operators: readonly BikeOperatorMetrics[],
  look: BikeChartLook,
): EChartsCoreOption {
  const font = fontOf(look);
  const names = operators.map((o) => look.nameOf(o.operatorId));
  const bar = (name: string, color: string, pick: (o: BikeOperatorMetrics) => number) => ({
    type: 'bar',
    name,
    stack: 'fleet',
    barWidth: '55%',
    itemStyle: { color },
    data: operators.map(pick),
  });
  return {
    animation: false,
    backgroundColor: 'transparent',
    legend: legendOf(look, [look.labels.parked, look.labels.inUse, look.labels.faulty, look.labels.quota]),
    grid: { left: font * 8, right: font * 4, top: font * 2.2, bottom: font * 1.6 },
    xAxis: {
      type: 'value',
      axisLabel: { color: AXIS_TEXT, fontSize: font },
      splitLine: { lineStyle: { color: SPLIT_LINE } },
    },
    yAxis: { type: 'category', data: names, axisLabel: { color: AXIS_TEXT, fontSize: font } },
    series: [
      bar(look.labels.parked, PARKED, (o) => o.parked + o.reserved),
      bar(look.labels.inUse, IN_USE, (o) => o.inUse),
      bar(look.labels.faulty, FAULTY, (o) => o.faulty),
      {
        type: 'scatter',
        name: look.labels.quota,
        symbol: 'rect',
        symbolSize: [Math.max(3, 3 * look.scale), font * 1.6],
        itemStyle: { color: '#ffffff' },
        label: {
          show: true,
          position: 'right',
          color: '#ffb199',
          fontSize: font,
          formatter: (p: { dataIndex: number }) => {
            const over = operators[p.dataIndex]?.fleetOverQuota ?? null;
            return over !== null && over > 0 ? `+${over}` : '';
          },
        },
        data: operators.map((o) => o.quota),
      },
    ],
  };
}

const DAY_MS = 86_400_000;

/** Epoch ms of local midnight starting `date` (`YYYY-MM-DD`) in `timeZone`. */
export function localMidnight(date: string, timeZone: string): number {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(utcMidnight);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asLocal = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  return utcMidnight - (asLocal - utcMidnight);
}

/** Ride rate (骑行率, %) and bikes in use over the operator's local day, on two axes. */
export function buildOperatorDayOption(series: BikeOperatorSeries, look: BikeChartLook): EChartsCoreOption {
  const font = fontOf(look);
  const hourFormat = new Intl.DateTimeFormat('en-GB', {
    timeZone: look.timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const dayStart = localMidnight(series.date, look.timeZone);
  return {
    animation: false,
    backgroundColor: 'transparent',
    legend: legendOf(look, [look.labels.rideRate, look.labels.inUse]),
    grid: { left: font * 3.2, right: font * 4, top: font * 2.2, bottom: font * 1.8 },
    xAxis: {
      type: 'time',
      min: dayStart,
      max: dayStart + DAY_MS,
      interval: 6 * 3_600_000,
      axisLabel: { color: AXIS_TEXT, fontSize: font, formatter: (v: number) => hourFormat.format(v) },
      splitLine: { show: false },
    },
    yAxis: [
      {
        type: 'value',
        min: 0,
        axisLabel: { color: AXIS_TEXT, fontSize: font, formatter: '{value}%' },
        splitLine: { lineStyle: { color: SPLIT_LINE } },
      },
      { type: 'value', min: 0, axisLabel: { color: AXIS_TEXT, fontSize: font }, splitLine: { show: false } },
    ],
    series: [
      {
        type: 'line',
        name: look.labels.rideRate,
        showSymbol: false,
        lineStyle: { color: '#e6edf7', width: Math.max(1.5, 2 * look.scale) },
        itemStyle: { color: '#e6edf7' },
        data: series.points.map((p) => [
          p.at,
          p.rideRate === null ? null : Math.round(p.rideRate * 1000) / 10,
        ]),
      },
      {
        type: 'line',
        name: look.labels.inUse,
        yAxisIndex: 1,
        showSymbol: false,
        lineStyle: { color: IN_USE, width: Math.max(1, 1.5 * look.scale), type: 'dashed' },
        itemStyle: { color: IN_USE },
        data: series.points.map((p) => [p.at, p.inUse]),
      },
    ],
  };
}

/** Parked and in-use bikes of one operator per district, largest first (top `limit`). */
export function buildDistributionOption(
  distribution: BikeOperatorSeries['distribution'],
  look: BikeChartLook,
  limit = 10,
): EChartsCoreOption {
  const font = fontOf(look);
  const rows = [...distribution].sort((a, b) => b.parked + b.inUse - (a.parked + a.inUse)).slice(0, limit);
  rows.reverse();
  return {
    animation: false,
    backgroundColor: 'transparent',
    legend: legendOf(look, [look.labels.parked, look.labels.inUse]),
    grid: { left: font * 6, right: font * 1.5, top: font * 2.2, bottom: font * 1.6 },
    xAxis: {
      type: 'value',
      axisLabel: { color: AXIS_TEXT, fontSize: font },
      splitLine: { lineStyle: { color: SPLIT_LINE } },
    },
    yAxis: {
      type: 'category',
      data: rows.map((r) => look.nameOf(r.districtId)),
      axisLabel: { color: AXIS_TEXT, fontSize: font },
    },
    series: [
      {
        type: 'bar',
        name: look.labels.parked,
        stack: 'd',
        itemStyle: { color: PARKED },
        data: rows.map((r) => r.parked),
      },
      {
        type: 'bar',
        name: look.labels.inUse,
        stack: 'd',
        itemStyle: { color: IN_USE },
        data: rows.map((r) => r.inUse),
      },
    ],
  };
}
