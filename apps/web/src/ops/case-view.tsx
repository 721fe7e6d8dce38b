import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ActiveAlert, Case, CityDocument, Unit } from '@cbo/contracts';
import { useI18n } from '../i18n/i18n-context';
import { formatNumber } from '../i18n/translate';
import type { MessageKey } from '../i18n/dictionaries';
import { describeCaseLocation } from './case-labels';
import { CaseActions } from './case-actions';
import { CaseTimeline } from './case-timeline';
import { caseDetailQuery, segmentReadingsQuery } from './ops-queries';
import { SegmentChart } from './segment-chart';
import { SeverityBadge } from './severity-badge';

export interface CaseViewProps {
  city: CityDocument;
  current: Case;
  alerts: readonly ActiveAlert[];
  units: readonly Unit[];
  now: number;
}

/** One case: what, where, who and when; the data behind its alert; the actions; the timeline. */
export function CaseView({ city, current, alerts, units, now }: CaseViewProps): ReactNode {
  const { t, locale } = useI18n();
  const { data: detail } = useQuery(caseDetailQuery(current.id));
  const segmentAlert = current.alerts.find((a) => a.target === 'segment');
  const { data: readings } = useQuery({
    ...segmentReadingsQuery(segmentAlert?.entityId ?? ''),
    enabled: segmentAlert !== undefined,
  });
  const time = new Intl.DateTimeFormat(locale, {
    timeZone: city.timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
  const unit = units.find((u) => u.id === current.unitId);
  const overdue =
    current.dueAt !== null &&
    now > current.dueAt &&
    (current.status === 'dispatched' || current.status === 'handling');
  const lastReadings = readings?.points.slice(-8).reverse() ?? [];
  return (
    <article
      className="ops-case"
      data-testid="case-view"
      data-case-id={current.id}
      data-status={current.status}
    >
      <header className="ops-case__header">
        <SeverityBadge severity={current.severity} />
        <h2 className="ops-case__title">{describeCaseLocation(current, city, locale)}</h2>
        <span className={`ops-status ops-status--${current.status}`} data-testid="case-status">
          {t(`ops.status.${current.status}` as MessageKey)}
        </span>
      </header>
      <dl className="ops-case__facts">
        <div>
          <dt>ID</dt>
          <dd>
            {current.id} · {t('ops.case.revision', { revision: current.revision })}
          </dd>
        </div>
        <div>
          <dt>{t('ops.case.detected')}</dt>
          <dd>{time.format(current.detectedAt)}</dd>
        </div>
        <div>
          <dt>{t('ops.case.unit')}</dt>
          <dd>{unit ? (locale === 'en' ? unit.nameEn : unit.nameZh) : '—'}</dd>
        </div>
        <div className={overdue ? 'ops-case__overdue' : undefined}>
          <dt>{t('ops.case.due')}</dt>
          <dd>
            {current.dueAt === null ? '—' : time.format(current.dueAt)}
            {overdue && ` · ${t('ops.case.overdue', { level: current.escalationLevel })}`}
          </dd>
        </div>
        {current.result && (
          <div>
            <dt>{t('ops.case.result')}</dt>
            <dd>{current.result}</dd>
          </div>
        )}
        {current.dismissReason && (
          <div>
            <dt>{t('ops.case.reason')}</dt>
            <dd>{current.dismissReason}</dd>
          </div>
        )}
      </dl>
      <CaseActions key={current.id} current={current} units={units} />
      <a
        className="ops-case__evidence"
        href={`/api/v1/cases/${encodeURIComponent(current.id)}/evidence`}
        download
        data-testid="case-evidence"
      >
        ⤓ {t('replay.evidence')}
      </a>
      <div className="ops-case__columns">
        <section className="ops-case__data">
          <h3>{t('ops.case.alerts')}</h3>
          <ul className="ops-case__alerts">
            {current.alerts.map((a) => {
              const live = alerts.find((x) => x.key === a.key);
              return (
                <li key={a.key}>
                  <SeverityBadge severity={live?.severity ?? a.severity} compact /> <code>{a.key}</code>
                  {live?.uncertain && <span className="ops-uncertain"> ? {t('ops.case.uncertain')}</span>}
                  {live?.silenced && <span className="ops-silenced__tag"> 🔕 {t('ops.case.silenced')}</span>}
                </li>
              );
            })}
          </ul>
          {segmentAlert && (
            <>
              <h3>{t('ops.case.chart')}</h3>
              {readings && readings.points.length > 0 ? (
                <SegmentChart readings={readings} timeZone={city.timeZone} />
              ) : (
                <p className="ops-dim">{t('ops.case.noReadings')}</p>
              )}
              <h3>{t('ops.case.raw')}</h3>
              <table className="ops-raw" data-testid="raw-readings">
                <thead>
                  <tr>
                    <th>{t('ops.case.time')}</th>
                    <th>km/h</th>
                    <th>TTI</th>
                  </tr>
                </thead>
                <tbody>
                  {lastReadings.map((p) => (
                    <tr key={p.at}>
                      <td>{time.format(p.at)}</td>
                      <td>{p.speedKmh === null ? '—' : formatNumber(locale, p.speedKmh, 1)}</td>
                      <td>{p.tti === null ? '—' : formatNumber(locale, p.tti, 2)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>
        <section className="ops-case__history">
          <h3>{t('ops.case.timeline')}</h3>
          {detail && <CaseTimeline events={detail.events} units={units} timeZone={city.timeZone} />}
        </section>
      </div>
    </article>
  );
}
