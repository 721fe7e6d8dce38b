import { useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { BikesNow, CityDocument } from '@cbo/contracts';
import { useI18n } from '../i18n/i18n-context';
import { bikeOperatorSeriesQuery, bikeOperatorsQuery } from './bike-queries';
import { buildDistributionOption, buildFleetQuotaOption, buildOperatorDayOption } from './bike-chart-options';
import type { BikeChartLook } from './bike-chart-options';
import { BikeEChart } from './bike-echart';

/**
 * Per-operator charts: fleet against quota for every operator, and for the chosen operator its ride rate over
 * the day and its distribution by district (`/bikes/operators/:id/series`).
 */
export function BikeOperatorCharts({
  now,
  city,
  scale,
}: {
  now: BikesNow | undefined;
  city: CityDocument;
  scale: number;
}): ReactNode {
  const { t, locale } = useI18n();
  const { data: operatorList } = useQuery(bikeOperatorsQuery());
  const operators = now?.operators;
  const [picked, setPicked] = useState<string | null>(null);
  const operatorId =
    picked ?? operators?.find((o) => o.quota !== null)?.operatorId ?? operators?.[0]?.operatorId ?? null;
  const series = useQuery({ ...bikeOperatorSeriesQuery(operatorId ?? '', ''), enabled: operatorId !== null });

  const look = useMemo<BikeChartLook>(() => {
    const names = new Map<string, string>();
    for (const o of operatorList?.operators ?? []) names.set(o.id, locale === 'en' ? o.nameEn : o.nameZh);
    for (const d of city.districts) names.set(d.id, locale === 'en' ? d.nameEn : d.nameZh);
    return {
      labels: {
        parked: t('bikes.state.parked'),
        inUse: t('bikes.state.inUse'),
        faulty: t('bikes.state.faulty'),
        quota: t('bikes.quota'),
        rideRate: t('bikes.kpi.rideRate'),
      },
      nameOf: (id) => names.get(id) ?? id,
      timeZone: city.timeZone,
      scale,
    };
  }, [operatorList, city, locale, t, scale]);

  const fleetOption = useMemo(
    () => (operators ? buildFleetQuotaOption(operators, look) : null),
    [operators, look],
  );
  const dayOption = useMemo(
    () => (series.data ? buildOperatorDayOption(series.data, look) : null),
    [series.data, look],
  );
  const distributionOption = useMemo(
    () => (series.data ? buildDistributionOption(series.data.distribution, look) : null),
    [series.data, look],
  );
  const operatorName = operatorId ? look.nameOf(operatorId) : '';

  return (
    <section className="panel bike-operators" data-testid="bike-operators">
      <header className="bike-operators__header">
        <h2 className="panel__title">{t('bikes.chart.fleet')}</h2>
        <label className="bike-operators__pick">
          {t('bikes.operator')}
          <select
            value={operatorId ?? ''}
            onChange={(event) => setPicked(event.target.value)}
            data-testid="bike-operator-select"
          >
            {(operators ?? []).map((o) => (
              <option key={o.operatorId} value={o.operatorId}>
                {look.nameOf(o.operatorId)}
              </option>
            ))}
          </select>
        </label>
      </header>
      <BikeEChart option={fleetOption} className="bike-chart bike-chart--fleet" testId="bike-fleet-chart" />
      <div className="bike-operators__pair">
        <div>
          <h3 className="bike-operators__subtitle">{t('bikes.chart.day', { operator: operatorName })}</h3>
          <BikeEChart option={dayOption} className="bike-chart" testId="bike-operator-chart" />
        </div>
        <div>
          <h3 className="bike-operators__subtitle">
            {t('bikes.chart.distribution', { operator: operatorName })}
          </h3>
          <BikeEChart option={distributionOption} className="bike-chart" testId="bike-distribution-chart" />
        </div>
      </div>
      {series.isError && <p className="bike-muted">{t('bikes.chart.noData')}</p>}
    </section>
  );
}
