import type { TtiForecast, TtiSeries } from '@cbo/contracts';

/** Colour of the forecast continuation (distinct from the white TTI line; dashed as the second cue). */
export const FORECAST_COLOR = '#f0e442';

/**
 * ECharts series drawing a network forecast as a dashed continuation of the TTI line: from the newest point
 * of the series to the 15/30/60-minute points, each marked and labelled. Empty without a usable forecast.
 */
export function buildForecastSeries(
  series: TtiSeries,
  forecast: TtiForecast | null | undefined,
  scale: number,
): Record<string, unknown>[] {
  if (!forecast || forecast.method === 'none') return [];
  const points = forecast.points.filter((p) => p.tti !== null);
  if (points.length === 0) return [];
  let last: [number, number] | null = null;
  for (let k = series.points.length - 1; k >= 0 && !last; k -= 1) {
    const p = series.points[k]!;
    if (p.tti !== null) last = [p.at, p.tti];
  }
  const font = Math.round(13 * scale);
  const labelled = (last ? 1 : 0) + points.findIndex((p) => p.horizonMinutes === 30);
  return [
    {
      type: 'line',
      name: 'forecast',
      showSymbol: true,
      symbol: 'circle',
      symbolSize: Math.round(7 * scale),
      lineStyle: { color: FORECAST_COLOR, width: Math.max(1.5, 2 * scale), type: 'dashed' },
      itemStyle: { color: FORECAST_COLOR },
      label: {
        show: true,
        position: 'right',
        color: FORECAST_COLOR,
        fontSize: font,
        // Only the 30-minute point is labelled: the three points sit too close on a 24-hour axis.
        formatter: (p: { dataIndex: number; value: [number, number] }) =>
          p.dataIndex === labelled ? `30′ ${p.value[1].toFixed(2)}` : '',
      },
      data: [...(last ? [last] : []), ...points.map((p) => [p.at, p.tti])],
      z: 3,
    },
  ];
}
