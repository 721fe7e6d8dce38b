import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { BikeZoneStatus } from '@cbo/contracts';
import { useI18n } from '../i18n/i18n-context';
import { formatPercent } from '../i18n/translate';
import { bikeZonesQuery } from './bike-queries';

/** Saturated parking fences (fullest first) and no-parking zones holding bikes (most first). */
export function saturatedAndViolations(zones: readonly BikeZoneStatus[]): {
  saturated: BikeZoneStatus[];
  violations: BikeZoneStatus[];
} {
  return {
    saturated: zones
      .filter((zone) => zone.state === 'saturated')
      .sort((a, b) => (b.saturation ?? 0) - (a.saturation ?? 0)),
    violations: zones.filter((zone) => zone.state === 'violation').sort((a, b) => b.parked - a.parked),
  };
}

/** The lists an officer works from: saturated areas for the operator to clear, and parking violations. */
export function BikeZoneLists({
  zones,
  limit = 8,
}: {
  zones: readonly BikeZoneStatus[];
  limit?: number;
}): ReactNode {
  const { t, locale } = useI18n();
  const { data: zoneList } = useQuery(bikeZonesQuery());
  const names = new Map((zoneList?.zones ?? []).map((z) => [z.id, locale === 'en' ? z.nameEn : z.nameZh]));
  const { saturated, violations } = saturatedAndViolations(zones);
  return (
    <section className="panel bike-zones">
      <div>
        <h2 className="panel__title">
          {t('bikes.zones.saturated')} · {saturated.length}
        </h2>
        <ul className="bike-list" data-testid="bike-saturated-list">
          {saturated.length === 0 && <li className="bike-muted">{t('bikes.zones.none')}</li>}
          {saturated.slice(0, limit).map((zone) => (
            <li key={zone.zoneId}>
              <span className="bike-list__mark bike-list__mark--saturated" aria-hidden="true">
                ■
              </span>
              <span className="bike-list__name">{names.get(zone.zoneId) ?? zone.zoneId}</span>
              <span className="bike-list__value">
                {t('bikes.zones.fill', { parked: zone.parked, capacity: zone.capacity ?? '?' })}
                {zone.saturation !== null && ` · ${formatPercent(locale, zone.saturation, 0)}`}
              </span>
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h2 className="panel__title">
          {t('bikes.zones.violations')} · {violations.length}
        </h2>
        <ul className="bike-list" data-testid="bike-violation-list">
          {violations.length === 0 && <li className="bike-muted">{t('bikes.zones.none')}</li>}
          {violations.slice(0, limit).map((zone) => (
            <li key={zone.zoneId}>
              <span className="bike-list__mark bike-list__mark--violation" aria-hidden="true">
                ×
              </span>
              <span className="bike-list__name">{names.get(zone.zoneId) ?? zone.zoneId}</span>
              <span className="bike-list__value">{t('bikes.zones.parked', { count: zone.parked })}</span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
