import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { WATER_CLASS_LABELS, type DaySummary } from '@cbo/contracts';
import { useI18n } from '../i18n/i18n-context';
import { formatNumber } from '../i18n/translate';
import { daySummaryQuery } from './history-queries';

function total(counts: Readonly<Record<string, number>>): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

function SummaryColumn({ summary, label }: { summary: DaySummary; label?: string }): ReactNode {
  const { t, locale } = useI18n();
  const value = (v: number | null) => (v === null ? '–' : formatNumber(locale, v, 2));
  return (
    <dl className="day-summary" data-testid={`day-summary-${label === undefined ? summary.date : 'typical'}`}>
      <dt>{label ?? summary.date}</dt>
      <dd />
      <dt>{t('replay.peakDelay')}</dt>
      <dd>{value(summary.peakDelayIndex)}</dd>
      <dt>{t('replay.maxTti')}</dt>
      <dd>{value(summary.maxTti)}</dd>
      <dt>{t('replay.hoursCongested')}</dt>
      <dd>{summary.hoursCongested}</dd>
      <dt>{t('replay.alertCount')}</dt>
      <dd>
        <span
          title={Object.entries(summary.alertsByKind)
            .map(([kind, n]) => `${kind} ${n}`)
            .join(' · ')}
        >
          {total(summary.alertsByKind)}
        </span>
      </dd>
      {summary.river && (
        <>
          <dt>{t('replayDomains.worstColour')}</dt>
          <dd className={`replay-domains__colour replay-domains__colour--${summary.river.worstColour}`}>
            {t(`water.colour.${summary.river.worstColour}`)} ·{' '}
            {t('replayDomains.gaugesAtWorst', { count: summary.river.gaugesAtWorst })}
          </dd>
          <dt>{t('replayDomains.worstClass')}</dt>
          <dd>
            {summary.river.worstWaterClass === null
              ? '–'
              : WATER_CLASS_LABELS[summary.river.worstWaterClass - 1]}
          </dd>
          <dt>{t('replayDomains.pollutionEvents')}</dt>
          <dd>{summary.river.pollutionEvents}</dd>
        </>
      )}
      {summary.bikes && (
        <>
          <dt>{t('replayDomains.peakInNoParking')}</dt>
          <dd>{summary.bikes.peakInNoParking}</dd>
          <dt>{t('replayDomains.peakUnpermitted')}</dt>
          <dd>{summary.bikes.peakUnpermitted}</dd>
          <dt>{t('replayDomains.peakSaturatedZones')}</dt>
          <dd>{summary.bikes.peakSaturatedZones}</dd>
        </>
      )}
    </dl>
  );
}

/** Props of {@link DaySummaries}. */
export interface DaySummariesProps {
  dates: readonly string[];
  /** The typical day's figures, shown after the dates' columns. */
  typical?: { summary: DaySummary; label: string } | undefined;
}

/** Summary figures of the replayed day and, side by side, of the compared day or the typical day. */
export function DaySummaries({ dates, typical }: DaySummariesProps): ReactNode {
  const { t } = useI18n();
  const first = useQuery(daySummaryQuery(dates[0] ?? ''));
  const second = useQuery({ ...daySummaryQuery(dates[1] ?? ''), enabled: dates.length > 1 });
  return (
    <section className="panel day-summaries">
      <h2 className="panel__title">{t('replay.summary')}</h2>
      <div className="day-summaries__columns">
        {first.data && <SummaryColumn summary={first.data} />}
        {dates.length > 1 && second.data && <SummaryColumn summary={second.data} />}
        {typical && <SummaryColumn summary={typical.summary} label={typical.label} />}
      </div>
    </section>
  );
}
