import type { ReactNode } from 'react';
import type { SegmentObservation, SuspectedIncident, TrafficEvent } from '@cbo/contracts';
import { useI18n } from '../i18n/i18n-context';
import { formatNumber } from '../i18n/translate';

/** Rows shown per list, newest first. */
const ROWS = 6;

function useClock(timeZone: string): (at: number) => string {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return (at) => format.format(at);
}

/** Suspected incidents and camera events of the selected area, newest first. */
export function IncidentList({
  incidents,
  events,
  timeZone,
}: {
  incidents: readonly SuspectedIncident[];
  events: readonly TrafficEvent[];
  timeZone: string;
}): ReactNode {
  const { t, locale } = useI18n();
  const clock = useClock(timeZone);
  return (
    <div className="drilldown__list" data-testid="drilldown-incidents">
      <h3>{t('drilldown.incidents')}</h3>
      {incidents.length === 0 && <p className="drilldown__empty">{t('drilldown.noIncidents')}</p>}
      <ul>
        {[...incidents]
          .sort((a, b) => b.raisedAt - a.raisedAt)
          .slice(0, ROWS)
          .map((incident) => (
            <li key={incident.id} className={incident.clearedAt === null ? 'drilldown__active' : undefined}>
              <span>{clock(incident.raisedAt)}</span>
              <span>{incident.clearedAt === null ? '▲' : '✓'}</span>
              <span>
                {t('drilldown.confidence')} {formatNumber(locale, incident.confidence, 2)}
              </span>
            </li>
          ))}
      </ul>
      <h3>{t('drilldown.events')}</h3>
      <ul>
        {events.slice(0, ROWS).map((event) => (
          <li key={event.id}>
            <span>{clock(event.observedAt)}</span>
            <span>{t(`event.${event.kind}`)}</span>
            <span className="drilldown__dim">{event.cameraId ?? ''}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A segment's newest raw readings. */
export function ObservationList({
  observations,
  timeZone,
}: {
  observations: readonly SegmentObservation[] | undefined;
  timeZone: string;
}): ReactNode {
  const { t, locale } = useI18n();
  const clock = useClock(timeZone);
  const newest = [...(observations ?? [])].reverse().slice(0, ROWS + 4);
  return (
    <div className="drilldown__list" data-testid="drilldown-observations">
      <h3>{t('drilldown.observations')}</h3>
      {newest.length === 0 && <p className="drilldown__empty">{t('drilldown.noObservations')}</p>}
      <ul>
        {newest.map((o) => (
          <li key={o.observedAt}>
            <span>{clock(o.observedAt)}</span>
            <span>{formatNumber(locale, o.speedKmh, 1)} km/h</span>
            <span className="drilldown__dim">{o.flowVph === null ? '' : `${o.flowVph} veh/h`}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
