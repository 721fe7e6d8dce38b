import { memo, useEffect } from 'react';
import type { ReactNode } from 'react';
import * as echarts from 'echarts/core';
import { useEChart } from './use-echart';
import { LineChart } from 'echarts/charts';
import { GridComponent, MarkAreaComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { TtiForecast, TtiSeries } from '@cbo/contracts';
import { useI18n } from '../i18n/i18n-context';
import { buildTtiChartOption } from './tti-chart-option';
import { buildForecastSeries } from '../insights/forecast-series';

echarts.use([LineChart, GridComponent, MarkAreaComponent, CanvasRenderer]);

/** Props of {@link TtiChart}. */
export interface TtiChartProps {
  series: TtiSeries | undefined;
  timeZone: string;
  scale: number;
  /** Network forecast drawn as a dashed continuation (15/30/60 min points). */
  forecast?: TtiForecast | null;
}

/** Network TTI since local midnight as an ECharts line with level bands. */
export const TtiChart = memo(function TtiChart({
  series,
  timeZone,
  scale,
  forecast,
}: TtiChartProps): ReactNode {
  const { t, locale } = useI18n();
  const { containerRef, chartRef } = useEChart();

  useEffect(() => {
    if (!series || !chartRef.current) return;
    const levelNames = [0, 1, 2, 3, 4, 5].map((level) => t(`level.${level as 0 | 1 | 2 | 3 | 4 | 5}`));
    const option = buildTtiChartOption(series, { levelNames, timeZone, locale, scale });
    option['series'] = [...(option['series'] as unknown[]), ...buildForecastSeries(series, forecast, scale)];
    chartRef.current.setOption(option, { notMerge: true });
  }, [chartRef, series, timeZone, locale, scale, t, forecast]);

  return (
    <section className="panel tti-chart">
      <h2 className="panel__title">{t('chart.title')}</h2>
      <div ref={containerRef} className="tti-chart__canvas" data-testid="tti-chart" />
    </section>
  );
});
