import { memo } from 'react';
import type { ReactNode } from 'react';
import type { AreaIndices } from '@cbo/contracts';
import { useI18n } from '../i18n/i18n-context';
import { formatNumber, formatPercent } from '../i18n/translate';
import { levelCssColor } from '../map/level-palette';

interface KpiTileProps {
  label: string;
  value: string;
  unit?: string;
  note?: string;
  accent?: string;
  testId: string;
  wide?: boolean;
}

function KpiTile({ label, value, unit, note, accent, testId, wide }: KpiTileProps): ReactNode {
  return (
    <div
      className={`kpi-tile${wide ? ' kpi-tile--wide' : ''}`}
      style={accent ? { borderColor: accent } : undefined}
    >
      <div className="kpi-tile__label">{label}</div>
      <div className="kpi-tile__value" data-testid={testId} style={accent ? { color: accent } : undefined}>
        {value}
        {unit && <span className="kpi-tile__unit">{unit}</span>}
      </div>
      {note && <div className="kpi-tile__note">{note}</div>}
    </div>
  );
}

const DASH = '—';

/** The network KPIs: TTI, TPI with its level word, mean speed, congested length share, coverage. */
export const KpiTiles = memo(function KpiTiles({ network }: { network: AreaIndices | undefined }): ReactNode {
  const { t, locale } = useI18n();
  const level = network?.level ?? 0;
  const accent = level > 0 ? levelCssColor(level) : undefined;
  const show = (value: number | null | undefined, render: (v: number) => string) =>
    value == null ? DASH : render(value);
  return (
    <section className="kpi-tiles" aria-label="KPI">
      <KpiTile
        wide
        label={t('kpi.tti')}
        value={show(network?.tti, (v) => formatNumber(locale, v, 2))}
        accent={accent}
        testId="kpi-tti"
      />
      <KpiTile
        label={t('kpi.tpi')}
        value={show(network?.tpi, (v) => formatNumber(locale, v, 1))}
        note={t(`level.${level as 0 | 1 | 2 | 3 | 4 | 5}`)}
        accent={accent}
        testId="kpi-tpi"
      />
      <KpiTile
        label={t('kpi.speed')}
        value={show(network?.meanSpeedKmh, (v) => formatNumber(locale, v, 1))}
        unit={t('unit.kmh')}
        testId="kpi-speed"
      />
      <KpiTile
        label={t('kpi.congested')}
        value={show(network?.congestedLengthShare, (v) => formatPercent(locale, v))}
        testId="kpi-congested"
      />
      <KpiTile
        label={t('kpi.coverage')}
        value={show(network?.coverage, (v) => formatPercent(locale, v, 0))}
        note={
          network ? t('kpi.segments', { count: formatNumber(locale, network.segmentCount, 0) }) : undefined
        }
        testId="kpi-coverage"
      />
    </section>
  );
});
