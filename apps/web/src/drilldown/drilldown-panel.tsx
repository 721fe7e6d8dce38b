import type { ReactNode } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AreaTrafficMetrics } from '@cbo/contracts';
import { useI18n } from '../i18n/i18n-context';
import { formatNumber, formatPercent } from '../i18n/translate';
import { areaTodayQuery, segmentObservationsQuery, type PastDayPoint } from '../insights/insight-queries';
import { levelCssColor } from '../map/level-palette';
import { DrilldownChart } from './drilldown-chart';
import { IncidentList, ObservationList } from './drilldown-lists';
import type { DrilldownSelection } from './pick-map-feature';
import './drilldown.css';

/** Props of {@link DrilldownPanel}. */
export interface DrilldownPanelProps {
  selection: DrilldownSelection;
  timeZone: string;
  /** Pixel scale of the screen, 1 at 1080 px high. */
  scale: number;
  onClose: () => void;
  /** A past day and instant to show (the replay); default today, live. */
  day?: PastDayPoint;
}

const DASH = '—';

function MetricGrid({ metrics }: { metrics: AreaTrafficMetrics | null }): ReactNode {
  const { t, locale } = useI18n();
  const show = (value: number | null | undefined, render: (v: number) => string) =>
    value == null ? DASH : render(value);
  const cells: [string, string][] = [
    [t('kpi.tti'), show(metrics?.tti, (v) => formatNumber(locale, v, 2))],
    [t('kpi.tpi'), show(metrics?.tpi, (v) => formatNumber(locale, v, 1))],
    [t('kpi.speed'), show(metrics?.meanSpeedKmh, (v) => `${formatNumber(locale, v, 1)} km/h`)],
    [t('kpi.congested'), show(metrics?.congestedLengthShare, (v) => formatPercent(locale, v))],
    [t('insights.vehicles'), show(metrics?.vehiclesInTransit, (v) => formatNumber(locale, Math.round(v), 0))],
    [t('insights.points'), show(metrics?.congestionPoints, (v) => formatNumber(locale, v, 0))],
    [t('insights.incidents'), show(metrics?.activeIncidents, (v) => formatNumber(locale, v, 0))],
  ];
  return (
    <dl className="drilldown__metrics">
      {cells.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * Drill-down of a segment, a district or the network: its seven metrics now, speed and TTI today against
 * the typical day, its incidents and camera events, and (segments) its raw observations. Reusable by any
 * screen: it only needs the selection.
 */
export function DrilldownPanel({ selection, timeZone, scale, onClose, day }: DrilldownPanelProps): ReactNode {
  const { t, locale } = useI18n();
  // A replay moves `day.at` on: keep the previous answer on screen until the next one arrives.
  const { data: area, isError } = useQuery({
    ...areaTodayQuery(selection.kind, selection.id, day),
    placeholderData: keepPreviousData,
  });
  const isSegment = selection.kind === 'segment';
  const { data: observations } = useQuery({
    ...segmentObservationsQuery(selection.id, day),
    enabled: isSegment,
    placeholderData: keepPreviousData,
  });
  const level = area?.metrics?.level ?? 0;
  const name = area ? (locale === 'en' ? area.nameEn : area.nameZh) : selection.id;
  return (
    <section
      className="drilldown panel"
      data-testid="drilldown"
      style={level > 0 ? { borderTopColor: levelCssColor(level) } : undefined}
    >
      <header className="drilldown__header">
        <h2>
          {name}
          <span className="drilldown__dim">
            {' '}
            · {isSegment ? selection.id : t(`level.${level as 0 | 1 | 2 | 3 | 4 | 5}`)}
            {day && ` · ${t('drilldown.replayAt', { date: day.date })}`}
          </span>
        </h2>
        <button
          type="button"
          className="drilldown__close"
          onClick={onClose}
          aria-label={t('drilldown.close')}
        >
          ✕
        </button>
      </header>
      {isError && <p className="drilldown__empty">{t('app.error')}</p>}
      {area && (
        <>
          <MetricGrid metrics={area.metrics} />
          <DrilldownChart area={area} timeZone={timeZone} scale={scale} />
          <div className="drilldown__bottom">
            <IncidentList incidents={area.incidents} events={area.events} timeZone={timeZone} />
            {isSegment && <ObservationList observations={observations?.observations} timeZone={timeZone} />}
          </div>
        </>
      )}
    </section>
  );
}
