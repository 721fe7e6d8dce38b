import { memo, useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import * as echarts from 'echarts/core';
import { useEChart } from '../chart/use-echart';
import { LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { BacktestResult, DayTimeline } from '@cbo/contracts';
import { useI18n } from '../i18n/i18n-context';
import { buildTimelineOption, cursorMarkLine } from './replay-timeline-option';

echarts.use([LineChart, ScatterChart, GridComponent, LegendComponent, MarkLineComponent, CanvasRenderer]);

/** Props of {@link ReplayTimeline}. */
export interface ReplayTimelineProps {
  main: DayTimeline;
  compare: DayTimeline | undefined;
  /** Label of the compared curve (its date, or the typical day). */
  compareLabel?: string;
  /** A backtest of the day, drawn as marks. */
  backtest?: BacktestResult | null;
  cursorAt: number | null;
  timeZone: string;
  /** Called with the time under a click (an alert mark: its time). */
  onSeek: (at: number) => void;
}

/** The scrubber: network TTI of the day (and the compared day), alert marks, the replay position. */
export const ReplayTimeline = memo(function ReplayTimeline({
  main,
  compare,
  compareLabel,
  backtest = null,
  cursorAt,
  timeZone,
  onSeek,
}: ReplayTimelineProps): ReactNode {
  const { t } = useI18n();
  const seekRef = useRef(onSeek);
  const cursorRef = useRef(cursorAt);
  seekRef.current = onSeek;
  const { containerRef, chartRef } = useEChart((chart) => {
    chart.getZr().on('click', (event: { offsetX: number; offsetY: number }) => {
      const [at] = chart.convertFromPixel({ gridIndex: 0 }, [event.offsetX, event.offsetY]) as number[];
      if (at !== undefined && Number.isFinite(at)) seekRef.current(Math.round(at));
    });
  });

  useEffect(() => {
    chartRef.current?.setOption(
      buildTimelineOption(
        main,
        compare,
        cursorRef.current,
        {
          timeZone,
          mainLabel: main.date,
          compareLabel: compareLabel ?? compare?.date ?? '',
          alertsLabel: t('replay.alerts'),
          wouldLabel: t('replay.backtestWould'),
          didLabel: t('replay.backtestDid'),
        },
        backtest,
      ),
      { notMerge: true },
    );
  }, [chartRef, main, compare, compareLabel, backtest, timeZone, t]);

  useEffect(() => {
    cursorRef.current = cursorAt;
    // Only the position line moves while playing: merge it instead of rebuilding the chart.
    chartRef.current?.setOption({ series: [{ id: 'main', markLine: cursorMarkLine(cursorAt) }] });
  }, [chartRef, cursorAt]);

  return (
    <section className="panel replay-timeline">
      <h2 className="panel__title">{t('replay.timeline')}</h2>
      <div ref={containerRef} className="replay-timeline__canvas" data-testid="replay-timeline" />
    </section>
  );
});
