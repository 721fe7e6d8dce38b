import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { WARNING_COLOURS } from '@cbo/contracts';
import { useI18n } from '../i18n/i18n-context';
import { CLASS_LABELS, CLASS_RGB, cssRgb, EVENT_RGB, WARNING_RGB, warningMark } from './water-palette';
import { riverEventsQuery, riverNowQuery } from './water-queries';
import { formatClock } from './format-clock';
import './water.css';

/** Events listed on the wall panel. */
const WALL_EVENTS = 2;

/**
 * The wall's compact water panel (at most about 220 px high at 1080p): gauges by warning colour (colour and
 * a `!` count), stations by class, and the newest pollution events.
 */
export function WallWaterPanel({ timeZone }: { timeZone: string }): ReactNode {
  const { t, locale } = useI18n();
  const { data: now } = useQuery(riverNowQuery());
  const { data: eventList } = useQuery(riverEventsQuery());
  const newest = (eventList?.events ?? []).slice(0, WALL_EVENTS);
  return (
    <section className="panel wall-water-panel" data-testid="wall-water-panel">
      <h2 className="panel__title">
        {t('water.wall.title')}
        {now && now.floodedSegmentIds.length > 0 && (
          <span className="wall-water-panel__flooded">
            {' '}
            · {t('water.flooded', { count: now.floodedSegmentIds.length })}
          </span>
        )}
      </h2>
      <ul className="water-counts" aria-label={t('water.colours')}>
        {WARNING_COLOURS.map((colour) => (
          <li
            key={colour}
            className="water-count"
            data-testid={`water-colour-${colour}`}
            style={{ borderColor: cssRgb(WARNING_RGB[colour]) }}
          >
            <span className="water-count__n">{now?.gaugesByColour[colour] ?? '–'}</span>
            <span className="water-count__label">
              {warningMark(colour)} {t(`water.colour.${colour}`)}
            </span>
          </li>
        ))}
      </ul>
      <ul className="water-counts" aria-label={t('water.classes')}>
        {CLASS_LABELS.map((label, i) => (
          <li
            key={label}
            className="water-count"
            data-testid={`water-class-${i + 1}`}
            style={{ borderColor: cssRgb(CLASS_RGB[i]!) }}
          >
            <span className="water-count__n">{now?.stationsByClass[i] ?? '–'}</span>
            <span className="water-count__label">{label}</span>
          </li>
        ))}
      </ul>
      <ul className="wall-water-panel__events" data-testid="wall-water-events">
        {newest.length === 0 && <li className="water-dim">{t('water.noEvents')}</li>}
        {newest.map((event) => (
          <li key={event.id} data-testid="wall-water-event">
            <span style={{ color: cssRgb(EVENT_RGB) }}>●</span>{' '}
            {formatClock(event.observedAt, timeZone, locale)} {t(`water.kind.${event.kind}`)} ·{' '}
            {event.cameraId}
          </li>
        ))}
      </ul>
    </section>
  );
}
