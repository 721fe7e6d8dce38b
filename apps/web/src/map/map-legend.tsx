import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { LEVEL_WIDTH_FACTORS, levelCssColor } from './level-palette';

const LEVELS = [1, 2, 3, 4, 5, 0] as const;

/**
 * Legend of segment levels (colour and width) and district shading.
 * @param overlay - drawn over a corner of the map (the wall) rather than as a panel of its own
 */
export function MapLegend({ overlay = false }: { overlay?: boolean }): ReactNode {
  const { t } = useI18n();
  return (
    <section
      className={overlay ? 'panel map-legend map-legend--overlay' : 'panel map-legend'}
      aria-label={t('legend.segments')}
    >
      <h2 className="panel__title">{t('legend.segments')}</h2>
      <ul className="map-legend__rows">
        {LEVELS.map((level) => (
          <li key={level} className="map-legend__row">
            <svg className="map-legend__swatch" viewBox="0 0 40 14" aria-hidden="true">
              <line
                x1="2"
                y1="7"
                x2="38"
                y2="7"
                stroke={levelCssColor(level)}
                strokeWidth={2.2 * (LEVEL_WIDTH_FACTORS[level] ?? 1)}
                strokeLinecap="round"
              />
            </svg>
            <span>{t(`level.${level}`)}</span>
          </li>
        ))}
      </ul>
      <div className="map-legend__note">{t('legend.width')}</div>
      <h2 className="panel__title">{t('legend.districts')}</h2>
      <div className="map-legend__ramp">
        {[1, 2, 3, 4, 5].map((level) => (
          <span key={level} style={{ background: levelCssColor(level, 0.55) }}>
            {(level - 1) * 2}
          </span>
        ))}
      </div>
    </section>
  );
}
