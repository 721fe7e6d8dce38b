import { memo, useEffect } from 'react';
import type { ReactNode } from 'react';
import * as echarts from 'echarts/core';
import { useEChart } from '../chart/use-echart';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { AreaToday } from '@cbo/contracts';
import { useI18n } from '../i18n/i18n-context';
import { buildDrilldownChartOption } from './drilldown-chart-option';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Speed and TTI of the selected area today against its typical day (ECharts). */
export const DrilldownChart = memo(function DrilldownChart({
  area,
  timeZone,
  scale,
}: {
  area: AreaToday;
  timeZone: string;
  scale: number;
}): ReactNode {
  const { t } = useI18n();
  const { containerRef, chartRef } = useEChart();

  useEffect(() => {
    const labels = {
      speed: t('drilldown.speed'),
      today: t('drilldown.today'),
      typical: t('drilldown.typical'),
    };
    chartRef.current?.setOption(buildDrilldownChartOption(area, { timeZone, scale, labels }), {
      notMerge: true,
    });
  }, [chartRef, area, timeZone, scale, t]);

  return <div ref={containerRef} className="drilldown__chart" data-testid="drilldown-chart" />;
});
