import { memo } from 'react';
import type { ReactNode } from 'react';
import type { AreaTrafficMetrics } from '@cbo/contracts';
import { useI18n } from '../i18n/i18n-context';
import { formatNumber } from '../i18n/translate';
import './insights.css';

const DASH = '—';
/** Colour of a non-zero incident count (the palette's severe red; the number itself is the second cue). */
const ALERT_COLOR = '#e0402a';

/**
 * The three metrics the KPI tiles do not show: vehicles in transit, congestion points and active suspected
 * incidents, as a compact row readable from 5 m.
 */
export const MetricRow = memo(function MetricRow({
  network,
}: {
  network: AreaTrafficMetrics | undefined;
}): ReactNode {
  const { t, locale } = useI18n();
  const incidents = network?.activeIncidents ?? 0;
  const cells: { key: string; label: string; value: string; color?: string }[] = [
    {
      key: 'vehicles',
      label: t('insights.vehicles'),
      value: network ? formatNumber(locale, Math.round(network.vehiclesInTransit), 0) : DASH,
    },
    {
      key: 'points',
      label: t('insights.points'),
      value: network ? formatNumber(locale, network.congestionPoints, 0) : DASH,
    },
    {
      key: 'incidents',
      label: t('insights.incidents'),
      value: network ? `${incidents > 0 ? '▲ ' : ''}${formatNumber(locale, incidents, 0)}` : DASH,
      ...(incidents > 0 ? { color: ALERT_COLOR } : {}),
    },
  ];
  return (
    <section className="metric-row" aria-label={t('insights.daily')}>
      {cells.map((cell) => (
        <div
          key={cell.key}
          className="metric-row__cell"
          style={cell.color ? { borderColor: cell.color } : undefined}
        >
          <div className="metric-row__label">{cell.label}</div>
          <div
            className="metric-row__value"
            data-testid={`kpi-${cell.key}`}
            style={cell.color ? { color: cell.color } : undefined}
          >
            {cell.value}
          </div>
        </div>
      ))}
    </section>
  );
});
