import type { ReactNode } from 'react';
import type { Gauge, GaugeNow } from '@cbo/contracts';
import { useI18n } from '../i18n/i18n-context';
import { formatNumber } from '../i18n/translate';
import { cssRgb, WARNING_RANK, WARNING_RGB, warningMark } from './water-palette';

/** Position of a level on a gauge's bar, 0..1, from normal level (0) to the historic maximum (1). */
export function levelShare(gauge: Gauge, levelM: number): number {
  const span = gauge.historicMaxLevelM - gauge.normalLevelM;
  return Math.min(1, Math.max(0, (levelM - gauge.normalLevelM) / span));
}

/** Props of {@link GaugeList}. */
export interface GaugeListProps {
  gauges: readonly Gauge[];
  now: ReadonlyMap<string, GaugeNow>;
  selectedId: string;
  onSelect: (gaugeId: string) => void;
}

/**
 * Gauges, worst colour first: name, level with a bar against the warning and guaranteed levels (tick marks),
 * rise over 1 h and the forecast time to warning. A click shows the gauge's hydrograph.
 */
export function GaugeList({ gauges, now, selectedId, onSelect }: GaugeListProps): ReactNode {
  const { t, locale } = useI18n();
  // Minutes up to two hours, then hours with one decimal.
  const formatDuration = (ms: number): string =>
    ms < 7_200_000
      ? t('time.minutes', { n: Math.round(ms / 60_000) })
      : t('time.hours', { n: formatNumber(locale, ms / 3_600_000, 1) });
  const sorted = [...gauges].sort((a, b) => {
    const ra = WARNING_RANK[now.get(a.id)?.colour ?? 'none'];
    const rb = WARNING_RANK[now.get(b.id)?.colour ?? 'none'];
    return (
      rb - ra ||
      (now.get(b.id)?.levelM ?? 0) - b.warningLevelM - ((now.get(a.id)?.levelM ?? 0) - a.warningLevelM)
    );
  });
  return (
    <section className="panel water-gauges">
      <h2 className="panel__title">{t('water.gauges')}</h2>
      <ul className="water-gauges__list" data-testid="water-gauge-list">
        {sorted.map((gauge) => {
          const g = now.get(gauge.id);
          const colour = g?.colour ?? 'none';
          const level = g?.levelM ?? null;
          const toWarning =
            g?.forecastStatus === 'at-or-above'
              ? t('water.atWarning')
              : g?.timeToWarningMs != null
                ? `${t('water.toWarning')} ${formatDuration(g.timeToWarningMs)}`
                : g?.forecastStatus === 'not-rising'
                  ? t('water.notRising')
                  : '–';
          return (
            <li key={gauge.id} data-testid="water-gauge" data-colour={colour}>
              <button
                type="button"
                className="water-gauge"
                aria-pressed={gauge.id === selectedId}
                onClick={() => onSelect(gauge.id)}
              >
                <span className="water-gauge__name">
                  <span style={{ color: cssRgb(WARNING_RGB[colour]) }}>● {warningMark(colour)}</span>{' '}
                  {locale === 'en' ? gauge.nameEn : gauge.nameZh}
                  {g && !g.fresh && (
                    <em className="water-dim">
                      {' · '}
                      {g.observedAt === null ? t('water.class.unknown') : t('water.stale')}
                    </em>
                  )}
                </span>
                <span className="water-gauge__bar" aria-hidden>
                  <span
                    className="water-gauge__fill"
                    style={{
                      width: `${(level === null ? 0 : levelShare(gauge, level)) * 100}%`,
                      background: cssRgb(WARNING_RGB[colour]),
                    }}
                  />
                  <span
                    className="water-gauge__tick"
                    style={{ left: `${levelShare(gauge, gauge.warningLevelM) * 100}%` }}
                  />
                  <span
                    className="water-gauge__tick"
                    style={{ left: `${levelShare(gauge, gauge.guaranteedLevelM) * 100}%` }}
                  />
                </span>
                <span className="water-gauge__figures">
                  {level === null ? '–' : `${formatNumber(locale, level, 2)} m`} ·{' '}
                  {g?.rise1hMPerH == null
                    ? '–'
                    : `${g.rise1hMPerH >= 0 ? '+' : ''}${formatNumber(locale, g.rise1hMPerH, 2)} m/h`}{' '}
                  · {toWarning}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
