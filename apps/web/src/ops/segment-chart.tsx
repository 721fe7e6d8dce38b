import { memo, useEffect } from 'react';
import type { ReactNode } from 'react';
import * as echarts from 'echarts/core';
import { useEChart } from '../chart/use-echart';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { SegmentReadings } from '@cbo/contracts';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Speed (km/h, left axis) and TTI (right axis) of a segment per minute. */
export const SegmentChart = memo(function SegmentChart({
  readings,
  timeZone,
}: {
  readings: SegmentReadings;
  timeZone: string;
}): ReactNode {
  const { containerRef: ref, chartRef } = useEChart();

  useEffect(() => {
    const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' });
    chartRef.current?.setOption(
      {
        animation: false,
        grid: { left: 40, right: 40, top: 28, bottom: 24 },
        legend: { top: 0, textStyle: { color: '#c9d4e5' }, data: ['km/h', 'TTI'] },
        tooltip: { trigger: 'axis' },
        xAxis: {
          type: 'category',
          data: readings.points.map((p) => time.format(p.at)),
          axisLabel: { color: '#9fb0c8' },
        },
        yAxis: [
          {
            type: 'value',
            min: 0,
            axisLabel: { color: '#9fb0c8' },
            splitLine: { lineStyle: { color: '#22304a' } },
          },
          { type: 'value', min: 1, axisLabel: { color: '#9fb0c8' }, splitLine: { show: false } },
        ],
        series: [
          {
            name: 'km/h',
            type: 'line',
            showSymbol: false,
            data: readings.points.map((p) => p.speedKmh),
            lineStyle: { color: '#56b4e9' },
            itemStyle: { color: '#56b4e9' },
          },
          {
            name: 'TTI',
            type: 'line',
            yAxisIndex: 1,
            showSymbol: false,
            data: readings.points.map((p) => p.tti),
            lineStyle: { color: '#E69F00', type: 'dashed' },
            itemStyle: { color: '#E69F00' },
          },
        ],
      },
      { notMerge: true },
    );
  }, [chartRef, readings, timeZone]);

  return <div ref={ref} className="ops-chart" data-testid="segment-chart" />;
});
