import type { ReactNode } from 'react';
import { REPLAY_SPEEDS } from '@cbo/contracts';
import type { HistoryDay, ReplayCommand, ReplayState } from '@cbo/contracts';
import { useI18n } from '../i18n/i18n-context';
import { TYPICAL_DAY } from './history-queries';

/** Props of {@link ReplayControls}. */
export interface ReplayControlsProps {
  days: readonly HistoryDay[];
  date: string;
  compareDate: string | null;
  state: ReplayState | null;
  timeZone: string;
  onDate: (date: string) => void;
  onCompareDate: (date: string | null) => void;
  send: (command: ReplayCommand) => void;
}

/** Day pickers, play / pause / step, speeds, the replay time and the export links. */
export function ReplayControls({
  days,
  date,
  compareDate,
  state,
  timeZone,
  onDate,
  onCompareDate,
  send,
}: ReplayControlsProps): ReactNode {
  const { t } = useI18n();
  const time = state
    ? new Intl.DateTimeFormat('en-GB', {
        timeZone,
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      }).format(state.at)
    : '--:--:--';
  return (
    <div className="replay-controls" data-testid="replay-controls">
      <label>
        {t('replay.day')}{' '}
        <select data-testid="replay-day" value={date} onChange={(e) => onDate(e.target.value)}>
          {days.map((d) => (
            <option key={d.date} value={d.date}>
              {d.date}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('replay.compare')}{' '}
        <select
          data-testid="replay-compare"
          value={compareDate ?? ''}
          onChange={(e) => onCompareDate(e.target.value === '' ? null : e.target.value)}
        >
          <option value="">{t('replay.compareNone')}</option>
          <option value={TYPICAL_DAY}>{t('replay.compareTypical')}</option>
          {days
            .filter((d) => d.date !== date)
            .map((d) => (
              <option key={d.date} value={d.date}>
                {d.date}
              </option>
            ))}
        </select>
      </label>
      <button
        type="button"
        data-testid="replay-step-back"
        onClick={() => send({ type: 'step', direction: -1 })}
      >
        ◀| {t('replay.stepBack')}
      </button>
      {state?.playing ? (
        <button type="button" data-testid="replay-pause" onClick={() => send({ type: 'pause' })}>
          ❚❚ {t('replay.pause')}
        </button>
      ) : (
        <button
          type="button"
          data-testid="replay-play"
          onClick={() => send({ type: 'play', speed: state?.speed ?? 60 })}
        >
          ▶ {t('replay.play')}
        </button>
      )}
      <button
        type="button"
        data-testid="replay-step-forward"
        onClick={() => send({ type: 'step', direction: 1 })}
      >
        {t('replay.stepForward')} |▶
      </button>
      <span className="replay-controls__speeds" role="group" aria-label={t('replay.speed')}>
        {REPLAY_SPEEDS.map((speed) => (
          <button
            type="button"
            key={speed}
            data-testid={`replay-speed-${speed}`}
            aria-pressed={state?.speed === speed}
            onClick={() => send({ type: 'play', speed })}
          >
            {speed}x
          </button>
        ))}
      </span>
      <span className="replay-controls__time" data-testid="replay-time" title={t('replay.at')}>
        {time}
      </span>
      <span className="replay-controls__exports">
        {t('replay.export')}:{' '}
        <a href={state ? `/api/v1/history/segments.csv?at=${state.at}` : undefined} download>
          {t('replay.exportCsv')}
        </a>{' '}
        <a href={`/api/v1/history/days/${date}/timeline.csv`} download>
          {t('replay.exportTimeline')}
        </a>{' '}
        <a href={`/api/v1/history/days/${date}/export.parquet`} download>
          {t('replay.exportParquet')}
        </a>
      </span>
    </div>
  );
}
