import type { EChartsCoreOption } from 'echarts/core';
import type { BacktestResult, DayTimeline } from '@cbo/contracts';
import { levelCssColor } from '../map/level-palette';

/** Labels the timeline needs from the screen. */
export interface TimelineLook {
  timeZone: string;
  mainLabel: string;
  compareLabel: string;
  alertsLabel: string;
  /** Legend names of the backtest marks. */
  wouldLabel: string;
  didLabel: string;
}

/** Severity colours of alert marks (shape: a triangle pin, so colour is not the only cue). */
const SEVERITY_COLORS: Readonly<Record<string, string>> = {
  blue: '#4f8fe8',
  yellow: '#f2c94c',
  orange: '#f2994a',
  red: '#eb5757',
};

function severityOf(payload: unknown): string {
  const severity = (payload as { severity?: unknown } | null)?.severity;
  return typeof severity === 'string' ? severity : 'blue';
}

/** Backtest marks under the alert pins: diamonds where the rule would have fired, rings where it did. */
function backtestSeries(backtest: BacktestResult, yMax: number, look: TimelineLook): object[] {
  const raised = (f: { kind: string }) => f.kind === 'raised';
  return [
    {
      name: look.wouldLabel,
      type: 'scatter',
      symbol: 'diamond',
      symbolSize: 11,
      itemStyle: { color: '#56b4e9' },
      data: backtest.wouldHaveFired.filter(raised).map((f) => [f.at, yMax - 0.35]),
    },
    {
      name: look.didLabel,
      type: 'scatter',
      symbol: 'emptyCircle',
      symbolSize: 11,
      itemStyle: { color: '#e69f00', borderWidth: 2 },
      data: backtest.actuallyFired.filter(raised).map((f) => [f.at, yMax - 0.55]),
    },
  ];
}

/** The replay position as a vertical line on the scrubber (none before the session reports one). */
export function cursorMarkLine(cursorAt: number | null): object {
  return {
    symbol: 'none',
    silent: true,
    animation: false,
    lineStyle: { color: '#ffffff', width: 2 },
    label: { show: false },
    data: cursorAt === null ? [] : [{ xAxis: cursorAt }],
  };
}

/**
 * ECharts option of the replay scrubber: the day's network TTI, optionally a second day drawn on the same
 * clock (shifted by the difference of their midnights), alert marks along the top and the replay position.
 */
export function buildTimelineOption(
  main: DayTimeline,
  compare: DayTimeline | undefined,
  cursorAt: number | null,
  look: TimelineLook,
  backtest: BacktestResult | null = null,
): EChartsCoreOption {
  const hourFormat = new Intl.DateTimeFormat('en-GB', {
    timeZone: look.timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const shift = compare ? main.from - compare.from : 0;
  const maxTti = Math.max(
    2,
    ...main.tti.map((p) => p.tti ?? 0),
    ...(compare?.tti ?? []).map((p) => p.tti ?? 0),
  );
  const yMax = Math.ceil(maxTti * 5) / 5 + 0.2;
  const alerts = main.events.filter((e) => e.stream === 'alert');
  return {
    animation: false,
    grid: { left: 44, right: 16, top: 24, bottom: 28 },
    legend: {
      top: 0,
      textStyle: { color: '#c9d4e3' },
      data: [
        look.mainLabel,
        ...(compare ? [look.compareLabel] : []),
        ...(backtest ? [look.wouldLabel, look.didLabel] : []),
      ],
    },
    xAxis: {
      type: 'time',
      min: main.from,
      max: main.to,
      axisLabel: { color: '#9fb0c8', formatter: (value: number) => hourFormat.format(value) },
    },
    yAxis: {
      type: 'value',
      min: 1,
      max: yMax,
      axisLabel: { color: '#9fb0c8' },
      splitLine: { lineStyle: { color: '#24324a' } },
    },
    series: [
      {
        id: 'main',
        name: look.mainLabel,
        type: 'line',
        showSymbol: false,
        lineStyle: { color: levelCssColor(3), width: 2 },
        data: main.tti.map((p) => [p.at, p.tti]),
        markLine: cursorMarkLine(cursorAt),
      },
      ...(compare
        ? [
            {
              name: look.compareLabel,
              type: 'line',
              showSymbol: false,
              lineStyle: { color: '#8fa3bf', width: 1.5, type: 'dashed' },
              data: compare.tti.map((p) => [p.at + shift, p.tti]),
            },
          ]
        : []),
      {
        name: look.alertsLabel,
        type: 'scatter',
        symbol: 'pin',
        symbolSize: 16,
        data: alerts.map((e) => ({
          value: [e.at, yMax - 0.1],
          itemStyle: { color: SEVERITY_COLORS[severityOf(e.payload)] ?? '#4f8fe8' },
        })),
      },
      ...(backtest ? backtestSeries(backtest, yMax, look) : []),
    ],
  };
}
