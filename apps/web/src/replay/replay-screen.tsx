import { useState } from 'react';
import type { ReactNode } from 'react';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { cityQuery } from '../queries/traffic-queries';
import { useI18n } from '../i18n/i18n-context';
import { CityMap } from '../map/city-map';
import { MapLegend } from '../map/map-legend';
import { KpiTiles } from '../kpi/kpi-tiles';
import { ScreenMessage } from '../errors/screen-message';
import { DaySummaries } from './day-summaries';
import { dayTimelineQuery, historyDaysQuery } from './history-queries';
import { ReplayControls } from './replay-controls';
import { ReplayTimeline } from './replay-timeline';
import { useReplayBridge } from './use-replay-bridge';
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
  const date = picked ?? latest;
  const bridge = useReplayBridge(city, date);
  const timeline = useQuery({ ...dayTimelineQuery(date ?? ''), enabled: date !== null });
  const compare = useQuery({ ...dayTimelineQuery(compareDate ?? ''), enabled: compareDate !== null });
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
          <DaySummaries dates={compareDate ? [date, compareDate] : [date]} />
        </aside>
        <section className="replay__map">
          {bridge.segments && (
            <CityMap
              city={city}
              segments={bridge.segments}
              segmentsVersion={bridge.segmentsVersion}
              districts={bridge.now?.districts ?? NO_DISTRICTS}
              scale={1}
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
            compare={compare.data}
            cursorAt={bridge.state?.at ?? null}
            timeZone={city.timeZone}
            onSeek={(at) => bridge.send({ type: 'seek', at })}
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
