import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';
import * as echarts from 'echarts/core';

/** The container to render into and the chart living in it (null before mount and after unmount). */
export interface EChartHandle {
  containerRef: RefObject<HTMLDivElement | null>;
  chartRef: RefObject<echarts.ECharts | null>;
}

/**
 * Creates an ECharts instance in the returned container on mount, resizes it with the container and disposes
 * of it on unmount. `onInit` runs once with the new chart (to attach event handlers); it must not depend on
 * render-time values, read those through refs.
 */
export function useEChart(onInit?: (chart: echarts.ECharts) => void): EChartHandle {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const onInitRef = useRef(onInit);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return undefined;
    const chart = echarts.init(container, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    onInitRef.current?.(chart);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      chartRef.current = null;
      chart.dispose();
    };
  }, []);

  return { containerRef, chartRef };
}
