import { memo, useEffect } from 'react';
import type { ReactNode } from 'react';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useQuery } from '@tanstack/react-query';
import { useEChart } from '../chart/use-echart';
import { useI18n } from '../i18n/i18n-context';
import { buildHydrographOption } from './hydrograph-option';
import { gaugeSeriesQuery } from './water-queries';

echarts.use([LineChart, GridComponent, MarkLineComponent, CanvasRenderer]);

/** Props of {@link HydrographChart}. */
export interface HydrographChartProps {
  gaugeId: string;
  gaugeName: string;
  timeZone: string;
  scale: number;
}

/** Today's hydrograph of one gauge with its threshold lines and the forecast. */
export const HydrographChart = memo(function HydrographChart({
  gaugeId,
  gaugeName,
  timeZone,
  scale,
}: HydrographChartProps): ReactNode {
  const { t } = useI18n();
  const { data: series } = useQuery(gaugeSeriesQuery(gaugeId));
  const { containerRef, chartRef } = useEChart();

  useEffect(() => {
    if (!series || !chartRef.current) return;
    const names = {
      level: t('water.level'),
      forecast: t('water.forecast'),
      blue: t('water.threshold.blue'),
      warning: t('water.threshold.warning'),
      guaranteed: t('water.threshold.guaranteed'),
      historicMax: t('water.threshold.historicMax'),
    };
    chartRef.current.setOption(buildHydrographOption(series, { timeZone, names, scale }), { notMerge: true });
  }, [chartRef, series, timeZone, scale, t]);

  return (
    <section className="panel water-hydrograph">
      <h2 className="panel__title">{t('water.hydrograph', { name: gaugeName })}</h2>
      <div ref={containerRef} className="water-hydrograph__canvas" data-testid="water-hydrograph" />
    </section>
  );
});
