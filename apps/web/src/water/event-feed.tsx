import type { ReactNode } from 'react';
import type { RiverEventView } from '@cbo/contracts';
import { RIVER_ENFORCEMENT_RESULTS } from '@cbo/contracts';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/dictionaries';
import { cssRgb, EVENT_RGB } from './water-palette';
import { formatClock } from './format-clock';

const CASE_KEYS: Readonly<Record<string, MessageKey>> = {
  detected: 'water.case.none',
  filed: 'water.case.none',
  dispatched: 'water.case.dispatched',
  handling: 'water.case.handling',
  reported: 'water.case.reported',
  verified: 'water.case.reported',
  closed: 'water.case.closed',
};

/** The live pollution event feed, newest first: time, kind, camera, case status and the unit's result. */
export function EventFeed({
  events,
  timeZone,
}: {
  events: readonly RiverEventView[];
  timeZone: string;
}): ReactNode {
  const { t, locale } = useI18n();
  const status = (event: RiverEventView): string => {
    if (event.result && (RIVER_ENFORCEMENT_RESULTS as readonly string[]).includes(event.result)) {
      return t(`water.result.${event.result as (typeof RIVER_ENFORCEMENT_RESULTS)[number]}`);
    }
    if (event.result) return event.result;
    return t(CASE_KEYS[event.caseStatus ?? 'detected'] ?? 'water.case.none');
  };
  return (
    <section className="panel water-events">
      <h2 className="panel__title">{t('water.events')}</h2>
      <ul className="water-events__list" data-testid="water-event-feed">
        {events.length === 0 && <li className="water-dim">{t('water.noEvents')}</li>}
        {events.slice(0, 30).map((event) => (
          <li key={event.id} data-testid="water-event">
            <span style={{ color: cssRgb(EVENT_RGB) }}>●</span>{' '}
            {formatClock(event.observedAt, timeZone, locale)} <strong>{t(`water.kind.${event.kind}`)}</strong>{' '}
            · {event.cameraId} · <span className="water-dim">{status(event)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
