import type { ReactNode } from 'react';
import type { BikeDistrictMetrics, CityDocument } from '@cbo/contracts';
import { useI18n } from '../i18n/i18n-context';
import { formatNumber } from '../i18n/translate';

/** Per district: parked, in use, faulty, without a permit, in no-parking zones; busiest first. */
export function BikeDistrictTable({
  districts,
  city,
}: {
  districts: readonly BikeDistrictMetrics[];
  city: CityDocument;
}): ReactNode {
  const { t, locale } = useI18n();
  const names = new Map(city.districts.map((d) => [d.id, locale === 'en' ? d.nameEn : d.nameZh]));
  const rows = [...districts].sort((a, b) => b.fleet - a.fleet);
  const cell = (value: number, alert = false) => (
    <td className={alert && value > 0 ? 'bike-table__alert' : undefined}>
      {alert && value > 0 ? '▲ ' : ''}
      {formatNumber(locale, value, 0)}
    </td>
  );
  return (
    <section className="panel bike-districts">
      <h2 className="panel__title">{t('bikes.districts.title')}</h2>
      <table className="bike-table" data-testid="bike-district-table">
        <thead>
          <tr>
            <th>{t('bikes.districts.district')}</th>
            <th>{t('bikes.state.parked')}</th>
            <th>{t('bikes.state.inUse')}</th>
            <th>{t('bikes.state.faulty')}</th>
            <th>{t('bikes.kpi.unpermitted')}</th>
            <th>{t('bikes.kpi.inNoParking')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.districtId}>
              <th scope="row">{names.get(row.districtId) ?? row.districtId}</th>
              {cell(row.parked + row.reserved)}
              {cell(row.inUse)}
              {cell(row.faulty)}
              {cell(row.unpermitted, true)}
              {cell(row.inNoParking, true)}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
