import { useCallback, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { CityDocument } from '@cbo/contracts';
import { useI18n } from '../i18n/i18n-context';
import { formatPercent } from '../i18n/translate';
import type { MessageKey } from '../i18n/dictionaries';
import { opsSnapshotQuery } from '../ops/ops-queries';
import { useOpsBridge } from '../ops/use-ops-bridge';
import { SeverityBadge } from '../ops/severity-badge';
import { describeCaseLocation } from '../ops/case-labels';
import { countByStatus, formatMinutes, WALL_STATUS_ORDER } from './count-by-status';
import './wall-alerts.css';

/** How long the red flash stays on screen, ms. */
export const RED_FLASH_MS = 6_000;
/** Cases shown in the ticker. */
const TICKER_LENGTH = 5;

/**
 * The wall's alert panel: a ticker of the latest cases with their status, counts by status and the response
 * KPIs; a red frame flashes over the whole screen when a case turns red.
 */
export function WallAlertsPanel({ city }: { city: CityDocument }): ReactNode {
  const { t, locale } = useI18n();
  const { data: snapshot } = useQuery(opsSnapshotQuery());
  const [flash, setFlash] = useState<string | null>(null);
  const onRedCase = useCallback((c: { id: string }) => setFlash(c.id), []);
  useOpsBridge(onRedCase);
  useEffect(() => {
    if (flash === null) return undefined;
    const timer = setTimeout(() => setFlash(null), RED_FLASH_MS);
    return () => clearTimeout(timer);
  }, [flash]);

  const cases = snapshot?.cases ?? [];
  const latest = [...cases].sort((a, b) => b.updatedAt - a.updatedAt).slice(0, TICKER_LENGTH);
  const counts = countByStatus(cases);
  const kpis = snapshot?.kpis;
  const share = kpis?.withinSla.share ?? null;
  return (
    <section className="panel wall-alerts" data-testid="wall-alerts">
      <h2 className="panel__title">{t('wallAlerts.ticker')}</h2>
      <ol className="wall-alerts__ticker">
        {latest.length === 0 && <li className="wall-alerts__none">{t('wallAlerts.none')}</li>}
        {latest.map((c) => (
          <li
            key={c.id}
            className="wall-alerts__item"
            data-testid="wall-case"
            data-case-id={c.id}
            data-status={c.status}
          >
            <SeverityBadge severity={c.severity} compact />
            <span className="wall-alerts__where">{describeCaseLocation(c, city, locale)}</span>
            <span className={`wall-alerts__status wall-alerts__status--${c.status}`}>
              {t(`ops.status.${c.status}` as MessageKey)}
            </span>
          </li>
        ))}
      </ol>
      <h2 className="panel__title">{t('wallAlerts.counts')}</h2>
      <div className="wall-alerts__counts">
        {WALL_STATUS_ORDER.map((status) => (
          <div key={status} className="wall-alerts__count" data-testid={`count-${status}`}>
            <span className="wall-alerts__count-value">{counts[status]}</span>
            <span className="wall-alerts__count-label">{t(`ops.status.${status}` as MessageKey)}</span>
          </div>
        ))}
      </div>
      <h2 className="panel__title">{t('wallAlerts.kpis')}</h2>
      <div className="wall-alerts__kpis">
        <div>
          <span>{formatMinutes(kpis?.timeToAcknowledge.meanMs ?? null)}</span>
          <small>{t('wallAlerts.tta')} · min</small>
        </div>
        <div>
          <span>{formatMinutes(kpis?.timeToClose.meanMs ?? null)}</span>
          <small>{t('wallAlerts.ttc')} · min</small>
        </div>
        <div>
          <span>{share === null ? '—' : formatPercent(locale, share, 0)}</span>
          <small>{t('wallAlerts.sla')}</small>
        </div>
      </div>
      {flash !== null && (
        <div className="wall-alerts__flash" role="alert" data-testid="red-flash">
          <span>
            ■ {t('wallAlerts.newRed')} · {flash}
          </span>
        </div>
      )}
    </section>
  );
}
