import type { ReactNode } from 'react';
import type { StationNow, WaterQualityStation } from '@cbo/contracts';
import { useI18n } from '../i18n/i18n-context';
import { formatNumber } from '../i18n/translate';
import { CLASS_RGB, classLabel, cssRgb } from './water-palette';

/** Props of {@link QualityTable}. */
export interface QualityTableProps {
  stations: readonly WaterQualityStation[];
  now: ReadonlyMap<string, StationNow>;
}

const value = (locale: 'zh-CN' | 'en', v: number | null, digits: number): string =>
  v === null ? '–' : formatNumber(locale, v, digits);

/**
 * Water-quality stations: DO, COD_Mn, NH3-N, TP (mg/L), class (colour and Roman label; the deciding factor
 * underlined) against the target class; stations below target first.
 */
export function QualityTable({ stations, now }: QualityTableProps): ReactNode {
  const { t, locale } = useI18n();
  const rows = [...stations].sort(
    (a, b) => (now.get(b.id)?.classOverTarget ?? -9) - (now.get(a.id)?.classOverTarget ?? -9),
  );
  const factor = (s: StationNow | undefined, p: string) =>
    s?.worstFactors.includes(p) ? 'water-worst' : undefined;
  return (
    <section className="panel water-quality">
      <h2 className="panel__title">{t('water.stations')}</h2>
      <table className="water-table" data-testid="water-quality-table">
        <thead>
          <tr>
            <th />
            <th>DO</th>
            <th>
              COD<sub>Mn</sub>
            </th>
            <th>NH₃-N</th>
            <th>TP</th>
            <th>{t('water.class')}</th>
            <th>{t('water.target')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((station) => {
            const s = now.get(station.id);
            const waterClass = s?.waterClass ?? null;
            const below = (s?.classOverTarget ?? 0) > 0;
            return (
              <tr key={station.id} data-below-target={below}>
                <td>{locale === 'en' ? station.nameEn : station.nameZh}</td>
                <td className={factor(s, 'doMgL')}>{value(locale, s?.doMgL ?? null, 1)}</td>
                <td className={factor(s, 'codMnMgL')}>{value(locale, s?.codMnMgL ?? null, 1)}</td>
                <td className={factor(s, 'nh3nMgL')}>{value(locale, s?.nh3nMgL ?? null, 2)}</td>
                <td className={factor(s, 'tpMgL')}>{value(locale, s?.tpMgL ?? null, 3)}</td>
                <td style={{ color: waterClass === null ? undefined : cssRgb(CLASS_RGB[waterClass - 1]!) }}>
                  {classLabel(waterClass)}
                  {below && ' ▼'}
                </td>
                <td>{classLabel(station.targetClass)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
