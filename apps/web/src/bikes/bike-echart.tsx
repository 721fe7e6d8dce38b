import { memo, useEffect } from 'react';
import type { ReactNode } from 'react';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useEChart } from '../chart/use-echart';

echarts.use([
  BarChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

/** One ECharts chart of the bike screens; replaces its option whenever `option` changes. */
export const BikeEChart = memo(function BikeEChart({
  option,
  className,
  testId,
}: {
  option: EChartsCoreOption | null;
  className: string;
  testId: string;
}): ReactNode {
  const { containerRef, chartRef } = useEChart();
  useEffect(() => {
    if (option) chartRef.current?.setOption(option, { notMerge: true });
    else chartRef.current?.clear();
  }, [chartRef, option]);
  return <div ref={containerRef} className={className} data-testid={testId} />;
});
