import { memo, useMemo } from 'react';
import type { ReactNode } from 'react';
import type { AreaIndices, CityDocument } from '@cbo/contracts';
import { useI18n } from '../i18n/i18n-context';
import { formatNumber } from '../i18n/translate';
import { levelCssColor } from '../map/level-palette';

/**
 * Districts sorted by TPI, worst first; districts without data at the end. As an `overlay` (the wall) it sits
 * over a corner of the map, without the bars.
 */
export const DistrictRanking = memo(function DistrictRanking({
  city,
  districts,
  overlay = false,
}: {
  city: CityDocument;
  districts: readonly AreaIndices[];
  overlay?: boolean;
}): ReactNode {
  const { t, locale } = useI18n();
  const rows = useMemo(() => {
    const names = new Map(city.districts.map((d) => [d.id, d]));
    return [...districts]
      .sort((a, b) => (b.tpi ?? -1) - (a.tpi ?? -1))
      .map((d) => ({ indices: d, district: names.get(d.areaId) }));
  }, [city, districts]);
  return (
    <section
      className={overlay ? 'panel district-ranking district-ranking--overlay' : 'panel district-ranking'}
    >
      <h2 className="panel__title">{t('ranking.title')}</h2>
      <ol className="district-ranking__list" data-testid="district-ranking">
        {rows.map(({ indices, district }, rank) => (
          <li key={indices.areaId} className="district-ranking__row">
            <span className="district-ranking__rank">{rank + 1}</span>
            <span className="district-ranking__name">
              {district ? (locale === 'en' ? district.nameEn : district.nameZh) : indices.areaId}
            </span>
            {!overlay && (
              <span className="district-ranking__bar">
                <span
                  style={{
                    width: `${Math.min(100, ((indices.tpi ?? 0) / 10) * 100)}%`,
                    background: levelCssColor(indices.level),
                  }}
                />
              </span>
            )}
            <span className="district-ranking__value" style={{ color: levelCssColor(indices.level) }}>
              {indices.tpi == null ? '—' : formatNumber(locale, indices.tpi, 1)}
            </span>
            <span className="district-ranking__level">
              {t(`level.${indices.level as 0 | 1 | 2 | 3 | 4 | 5}`)}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
});
