import type { ReactNode } from 'react';
import type { BikesNow } from '@cbo/contracts';
import { useI18n } from '../i18n/i18n-context';
import { formatNumber, formatPercent } from '../i18n/translate';

function Kpi({
  label,
  value,
  note,
  testId,
  alert = false,
}: {
  label: string;
  value: string;
  note?: string;
  testId: string;
  alert?: boolean;
}): ReactNode {
  return (
    <div className={`bike-kpi${alert ? ' bike-kpi--alert' : ''}`}>
      <span className="bike-kpi__label">{label}</span>
      <span className="bike-kpi__value" data-testid={testId}>
        {alert && (
          <span className="bike-kpi__mark" aria-hidden="true">
            ▲
          </span>
        )}
        {value}
      </span>
      {note && <span className="bike-kpi__note">{note}</span>}
    </div>
  );
}

/**
 * The headline bike figures: fleet, in use, ride rate, bikes in no-parking zones, bikes without a permit,
 * saturated areas and (with `stations`) stations empty or full. Alerting figures carry a ▲ besides the colour.
 */
export function BikeKpiRow({
  now,
  stations = true,
}: {
  now: BikesNow | undefined;
  stations?: boolean;
}): ReactNode {
  const { t, locale } = useI18n();
  const count = (value: number | undefined) => (value === undefined ? '–' : formatNumber(locale, value, 0));
  const network = now?.network;
  const saturated = now?.zones.filter((zone) => zone.state === 'saturated').length;
  return (
    <div className="bike-kpis" data-testid="bike-kpis">
      <Kpi label={t('bikes.kpi.fleet')} value={count(network?.fleet)} testId="bike-kpi-fleet" />
      <Kpi label={t('bikes.kpi.inUse')} value={count(network?.inUse)} testId="bike-kpi-in-use" />
      <Kpi
        label={t('bikes.kpi.rideRate')}
        value={network?.rideRate == null ? '–' : formatPercent(locale, network.rideRate)}
        testId="bike-kpi-ride-rate"
      />
      <Kpi
        label={t('bikes.kpi.inNoParking')}
        value={count(network?.inNoParking)}
        testId="bike-kpi-no-parking"
        alert={(network?.inNoParking ?? 0) > 0}
      />
      <Kpi
        label={t('bikes.kpi.unpermitted')}
        value={count(network?.unpermitted)}
        testId="bike-kpi-unpermitted"
        alert={(network?.unpermitted ?? 0) > 0}
      />
      <Kpi
        label={t('bikes.kpi.saturated')}
        value={count(saturated)}
        testId="bike-kpi-saturated"
        alert={(saturated ?? 0) > 0}
      />
      {stations && now && now.stations.total > 0 && (
        <Kpi
          label={t('bikes.kpi.stations')}
          value={`${count(now.stations.empty)} / ${count(now.stations.full)}`}
          note={t('bikes.kpi.stationsSoon', { empty: now.stations.emptySoon, full: now.stations.fullSoon })}
          testId="bike-kpi-stations"
        />
      )}
    </div>
  );
}
