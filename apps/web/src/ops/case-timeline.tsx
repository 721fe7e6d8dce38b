import type { ReactNode } from 'react';
import type { CaseEvent, Unit } from '@cbo/contracts';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/dictionaries';

/** Label of an event: the action's word (transitions use the action names, system ones their own). */
function eventLabelKey(event: CaseEvent): MessageKey {
  if (
    event.action === 'open' ||
    event.action === 'attach-alert' ||
    event.action === 'escalate' ||
    event.action === 'auto-resolve'
  )
    return `ops.event.${event.action}`;
  return `ops.action.${event.action}`;
}

/** Every transition of a case with actor, time, comment and payload; newest last. */
export function CaseTimeline({
  events,
  units,
  timeZone,
}: {
  events: readonly CaseEvent[];
  units: readonly Unit[];
  timeZone: string;
}): ReactNode {
  const { t, locale } = useI18n();
  const time = new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  });
  const unitName = (id: string) => {
    const unit = units.find((u) => u.id === id);
    return unit ? (locale === 'en' ? unit.nameEn : unit.nameZh) : id;
  };
  return (
    <ol className="ops-timeline" data-testid="case-timeline">
      {events.map((e) => (
        <li
          key={e.revision}
          className={`ops-timeline__item ops-timeline__item--${e.action}`}
          data-action={e.action}
        >
          <span className="ops-timeline__time">{time.format(e.at)}</span>
          <span className="ops-timeline__what">
            <strong>{t(eventLabelKey(e))}</strong>
            {e.from !== e.to && <span className="ops-dim"> → {t(`ops.status.${e.to}` as MessageKey)}</span>}
            <span className="ops-dim"> · {e.actor}</span>
            {e.unitId && <span> · {unitName(e.unitId)}</span>}
            {e.result && <span> · {e.result}</span>}
            {e.reason && <span> · {e.reason}</span>}
            {e.comment && <span className="ops-timeline__comment"> “{e.comment}”</span>}
          </span>
        </li>
      ))}
    </ol>
  );
}
