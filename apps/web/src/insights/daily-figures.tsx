import { memo } from 'react';
import type { ReactNode } from 'react';
import type { DailyComparison, TrafficDayReport } from '@cbo/contracts';
import { useI18n } from '../i18n/i18n-context';
import { formatNumber } from '../i18n/translate';
import './insights.css';

const DASH = '—';
/** Worse (more delay) is orange, better is blue: colour-blind safe, and the arrow is the second cue. */
const WORSE = '#e69f00';
const BETTER = '#56b4e9';

function Comparison({ label, comparison }: { label: string; comparison: DailyComparison | null }): ReactNode {
  const { t, locale } = useI18n();
  const change = comparison?.peakDelayIndexChange ?? null;
  if (change === null) {
    return (
      <div className="daily-figures__compare">
        <span>{label}</span>
        <span className="daily-figures__dim">{t('insights.noComparison')}</span>
      </div>
    );
  }
  const arrow = change > 0.005 ? '▲' : change < -0.005 ? '▼' : '■';
  const color = change > 0.005 ? WORSE : change < -0.005 ? BETTER : undefined;
  const percent = `${change > 0 ? '+' : ''}${formatNumber(locale, change * 100, 1)}%`;
  return (
    <div className="daily-figures__compare">
      <span>{label}</span>
      <span style={color ? { color } : undefined} data-testid="daily-compare">
        {arrow} {percent}
      </span>
    </div>
  );
}

/** Today's peak congestion delay index and hours congested, with arrows against last week and the typical day. */
export const DailyFigures = memo(function DailyFigures({
  report,
}: {
  report: TrafficDayReport | undefined;
}): ReactNode {
  const { t, locale } = useI18n();
  const figures = report?.figures;
  return (
    <section className="panel daily-figures" data-testid="daily-figures">
      <div className="daily-figures__grid">
        <div>
          <div className="daily-figures__label">{t('insights.peakDelay')}</div>
          <div className="daily-figures__value" data-testid="daily-peak">
            {figures?.peakDelayIndex == null ? DASH : formatNumber(locale, figures.peakDelayIndex, 2)}
          </div>
        </div>
        <div>
          <div className="daily-figures__label">{t('insights.congestedHours')}</div>
          <div className="daily-figures__value">
            {figures ? formatNumber(locale, figures.congestedHours, 1) : DASH}
            <span className="daily-figures__unit">h</span>
          </div>
        </div>
        <Comparison label={t('insights.vsLastWeek')} comparison={report?.vsSameWeekdayLastWeek ?? null} />
        <Comparison label={t('insights.vsTypical')} comparison={report?.vsTypicalDay ?? null} />
      </div>
    </section>
  );
});
