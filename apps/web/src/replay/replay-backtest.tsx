import { memo, useState } from 'react';
import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { BacktestFiring, BacktestResult } from '@cbo/contracts';
import { useI18n } from '../i18n/i18n-context';
import { backtestRulesQuery, runBacktest } from './history-queries';

/** Props of {@link ReplayBacktest}. */
export interface ReplayBacktestProps {
  date: string;
  timeZone: string;
  result: BacktestResult | null;
  onResult: (result: BacktestResult | null) => void;
  onSeek: (at: number) => void;
}

/** A firing in the list: what the rule would have done (`would`) or what the record says it did (`did`). */
interface ListedFiring extends BacktestFiring {
  source: 'would' | 'did';
}

function listFirings(result: BacktestResult): ListedFiring[] {
  return [
    ...result.wouldHaveFired.map((f) => ({ ...f, source: 'would' as const })),
    ...result.actuallyFired.map((f) => ({ ...f, source: 'did' as const })),
  ].sort((a, b) => a.at - b.at || (a.source < b.source ? 1 : -1));
}

/**
 * Backtest: pick a stored rule or paste / edit one as JSON, run it over the replayed day and list when it
 * would have fired next to what actually fired (also drawn on the scrubber); a row seeks the replay there.
 */
export const ReplayBacktest = memo(function ReplayBacktest({
  date,
  timeZone,
  result,
  onResult,
  onSeek,
}: ReplayBacktestProps): ReactNode {
  const { t } = useI18n();
  const { data } = useQuery(backtestRulesQuery());
  const [draft, setDraft] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [running, setRunning] = useState(false);
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });

  const pick = (id: string) => {
    const stored = data?.rules.find((r) => r.rule.id === id);
    setDraft(stored ? JSON.stringify(stored.rule, null, 2) : '');
    setErrors([]);
  };
  const run = async () => {
    let rule: unknown;
    try {
      rule = JSON.parse(draft) as unknown;
    } catch (error) {
      setErrors([t('replay.backtestNotJson', { message: (error as Error).message })]);
      return;
    }
    setRunning(true);
    const outcome = await runBacktest(date, rule).finally(() => setRunning(false));
    if ('errors' in outcome) {
      setErrors(outcome.errors);
      onResult(null);
    } else {
      setErrors([]);
      onResult(outcome.result);
    }
  };

  return (
    <section className="panel replay-backtest" data-testid="replay-backtest">
      <h2 className="panel__title">{t('replay.backtest')}</h2>
      <select data-testid="backtest-rule" defaultValue="" onChange={(e) => pick(e.target.value)}>
        <option value="">{t('replay.backtestPick')}</option>
        {data?.rules.map((r) => (
          <option key={r.rule.id} value={r.rule.id}>
            {r.rule.id}
          </option>
        ))}
      </select>
      <textarea
        data-testid="backtest-json"
        spellCheck={false}
        rows={8}
        value={draft}
        placeholder={t('replay.backtestPaste')}
        onChange={(e) => setDraft(e.target.value)}
      />
      <button
        type="button"
        data-testid="backtest-run"
        disabled={running || draft.trim() === ''}
        onClick={() => void run()}
      >
        {t('replay.backtestRun', { date })}
      </button>
      {errors.length > 0 && (
        <ul className="replay-backtest__errors" data-testid="backtest-errors">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      {result && (
        <>
          <p data-testid="backtest-counts">
            {t('replay.backtestCounts', {
              would: result.wouldHaveFired.length,
              did: result.actuallyFired.length,
              evaluations: result.evaluations,
            })}
          </p>
          <ol className="replay-backtest__list" data-testid="backtest-list">
            {listFirings(result).map((f, i) => (
              <li key={`${f.source}-${f.at}-${f.targetId}-${i}`}>
                <button type="button" data-source={f.source} onClick={() => onSeek(f.at)}>
                  <span className={`replay-backtest__tag replay-backtest__tag--${f.source}`}>
                    {f.source === 'would' ? '◆' : '●'}{' '}
                    {t(f.source === 'would' ? 'replay.backtestWould' : 'replay.backtestDid')}
                  </span>{' '}
                  {time.format(f.at)} {f.kind} {f.targetId}
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
});
