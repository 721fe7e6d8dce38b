import { useCallback, useState } from 'react';
import type { ReactNode } from 'react';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { cityQuery } from '../queries/traffic-queries';
import { useI18n } from '../i18n/i18n-context';
import { CityMap } from '../map/city-map';
import { MapLegend } from '../map/map-legend';
import { KpiTiles } from '../kpi/kpi-tiles';
import { ScreenMessage } from '../errors/screen-message';
import { DaySummaries } from './day-summaries';
import type { BacktestResult } from '@cbo/contracts';
import { dayTimelineQuery, historyDaysQuery, TYPICAL_DAY, typicalDayQuery } from './history-queries';
import { ReplayAlertList } from './replay-alert-list';
import { ReplayDomains } from './replay-domains';
import { ReplayBacktest } from './replay-backtest';
import { ReplayControls } from './replay-controls';
import { ReplayTimeline } from './replay-timeline';
import { useReplayBridge } from './use-replay-bridge';
import { DrilldownPanel } from '../drilldown/drilldown-panel';
import { useDrilldownSelection } from '../drilldown/use-drilldown-selection';
import { replayDrilldownDay } from '../drilldown/replay-drilldown-day';
import './replay.css';

const NO_DISTRICTS: never[] = [];

/** The `/replay` screen: pick a recorded day, play, scrub, step, compare and export. */
export function ReplayScreen(): ReactNode {
  const { t } = useI18n();
  const { data: city } = useSuspenseQuery(cityQuery());
  const { data: history } = useSuspenseQuery(historyDaysQuery());
  const latest = history.days.at(-1)?.date ?? null;
  const [picked, setPicked] = useState<string | null>(null);
  const [compareDate, setCompareDate] = useState<string | null>(null);
  const [backtest, setBacktest] = useState<BacktestResult | null>(null);
  const date = picked ?? latest;
  const bridge = useReplayBridge(city, date);
  const { send } = bridge;
  const seek = useCallback((at: number) => send({ type: 'seek', at }), [send]);
  const typicalWanted = compareDate === TYPICAL_DAY;
  const timeline = useQuery({ ...dayTimelineQuery(date ?? ''), enabled: date !== null });
  const compare = useQuery({
    ...dayTimelineQuery(compareDate ?? ''),
    enabled: compareDate !== null && !typicalWanted,
  });
  const typical = useQuery({ ...typicalDayQuery(date ?? ''), enabled: date !== null && typicalWanted });
  const typicalLabel = `${t('replay.typicalDay')} (${t('replay.daysLearned', { days: typical.data?.daysLearned ?? 0 })})`;
  const shownBacktest = backtest?.date === date ? backtest : null;
  const drilldown = useDrilldownSelection();
  if (!date) return <ScreenMessage title={t('replay.noDays')} />;
  return (
    <div className="replay" data-testid="replay">
      <header className="replay__header">
        <h1>
          {t('replay.title')} · {city.nameZh} {city.nameEn}
        </h1>
        <ReplayControls
          days={history.days}
          date={date}
          compareDate={compareDate}
          state={bridge.state}
          timeZone={city.timeZone}
          onDate={(next) => setPicked(next)}
          onCompareDate={setCompareDate}
          send={bridge.send}
        />
        {bridge.error && <div className="replay__error">{t('replay.error', { message: bridge.error })}</div>}
      </header>
      <main className="replay__body">
        <aside className="replay__left">
          <KpiTiles network={bridge.now?.network} />
          <DaySummaries
            dates={compareDate && !typicalWanted ? [date, compareDate] : [date]}
            typical={
              typicalWanted && typical.data
                ? { summary: typical.data.summary, label: typicalLabel }
                : undefined
            }
          />
          <ReplayDomains date={date} state={bridge.state} timeZone={city.timeZone} />
          {timeline.data && (
            <ReplayAlertList events={timeline.data.events} timeZone={city.timeZone} onSeek={seek} />
          )}
          <ReplayBacktest
            date={date}
            timeZone={city.timeZone}
            result={shownBacktest}
            onResult={setBacktest}
            onSeek={seek}
          />
        </aside>
        <section className="replay__map">
          {bridge.segments && (
            <CityMap
              city={city}
              segments={bridge.segments}
              segmentsVersion={bridge.segmentsVersion}
              districts={bridge.now?.districts ?? NO_DISTRICTS}
              scale={1}
              onPick={drilldown.select}
            />
          )}
          {drilldown.selection && (
            <DrilldownPanel
              selection={drilldown.selection}
              timeZone={city.timeZone}
              scale={1}
              onClose={drilldown.clear}
              day={replayDrilldownDay(date, bridge.state)}
            />
          )}
          <div className="replay__legend">
            <MapLegend />
          </div>
        </section>
      </main>
      <footer className="replay__timeline">
        {timeline.data && (
          <ReplayTimeline
            main={timeline.data}
            compare={typicalWanted ? typical.data?.timeline : compare.data}
            compareLabel={typicalWanted ? typicalLabel : undefined}
            backtest={shownBacktest}
            cursorAt={bridge.state?.at ?? null}
            timeZone={city.timeZone}
            onSeek={seek}
          />
        )}
        {history.problems.length > 0 && (
          <ul className="replay__problems" data-testid="replay-problems">
            {history.problems.map((p) => (
              <li key={p.file}>
                {p.file}: {p.reason}
              </li>
            ))}
          </ul>
        )}
      </footer>
    </div>
  );
}
