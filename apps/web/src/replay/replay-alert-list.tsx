import { memo, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { HistoryEvent } from '@cbo/contracts';
import { useI18n } from '../i18n/i18n-context';
import { alertMarks } from './alert-cases';
import { knownCaseIdsQuery } from './history-queries';

/** Shapes beside the severity colour, so colour is not the only cue. */
const SEVERITY_SHAPES: Readonly<Record<string, string>> = { blue: '○', yellow: '△', orange: '◇', red: '■' };

/** Props of {@link ReplayAlertList}. */
export interface ReplayAlertListProps {
  events: readonly HistoryEvent[];
  timeZone: string;
  onSeek: (at: number) => void;
}

/**
 * The day's alert marks as a list: jump to one, or download the evidence pack of the case that holds it (when
 * the server still holds that case; recorded days imported from elsewhere bring their events, not their cases).
 */
export const ReplayAlertList = memo(function ReplayAlertList({
  events,
  timeZone,
  onSeek,
}: ReplayAlertListProps): ReactNode {
  const { t } = useI18n();
  const marks = useMemo(() => alertMarks(events), [events]);
  const { data: knownCases } = useQuery(knownCaseIdsQuery());
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return (
    <section className="panel replay-alerts" data-testid="replay-alerts">
      <h2 className="panel__title">
        {t('replay.alerts')} · {marks.length}
      </h2>
      <ol className="replay-alerts__list">
        {marks.map((m, i) => (
          <li key={`${m.key}-${m.at}-${i}`} data-severity={m.severity}>
            <span className={`replay-alerts__severity replay-alerts__severity--${m.severity}`}>
              {SEVERITY_SHAPES[m.severity] ?? '○'} {m.severity}
            </span>{' '}
            {time.format(m.at)} {m.kind} <code>{m.entityId}</code>{' '}
            <button type="button" data-testid="alert-jump" onClick={() => onSeek(m.at)}>
              {t('replay.jump')}
            </button>
            {m.caseId && knownCases?.has(m.caseId) && (
              <>
                {' '}
                <a
                  href={`/api/v1/cases/${encodeURIComponent(m.caseId)}/evidence`}
                  download
                  data-testid="alert-evidence"
                >
                  {t('replay.evidence')}
                </a>
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
});
