import type { ReactNode } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { WARNING_COLOURS, WATER_CLASS_LABELS, type DomainMinutes } from '@cbo/contracts';
import { useI18n } from '../i18n/i18n-context';
import { formatNumber, formatPercent } from '../i18n/translate';
import { replayDrilldownDay } from '../drilldown/replay-drilldown-day';
import { dayDomainsQuery } from './history-queries';

/** Props of {@link ReplayDomains}. */
export interface ReplayDomainsProps {
  date: string;
  state: { at: number; playing: boolean; speed: number } | null;
  timeZone: string;
}

function RiverFigures({ river }: { river: NonNullable<DomainMinutes['river']> }): ReactNode {
  const { t } = useI18n();
  return (
    <>
      <dt>{t('replayDomains.gauges')}</dt>
      <dd className="replay-domains__counts">
        {WARNING_COLOURS.map((colour) => (
          <span key={colour} className={`replay-domains__colour replay-domains__colour--${colour}`}>
            {t(`water.colour.${colour}`)} {river.gaugesByColour[colour]}
          </span>
        ))}
      </dd>
      <dt>{t('replayDomains.classes')}</dt>
      <dd className="replay-domains__counts">
        {river.stationsByClass.map((n, i) => (
          <span key={WATER_CLASS_LABELS[i]}>
            {WATER_CLASS_LABELS[i]} {n}
          </span>
        ))}
        <span>
          {t('water.class.unknown')} {river.stationsUnknownClass}
        </span>
      </dd>
    </>
  );
}

function BikeFigures({ bikes }: { bikes: NonNullable<DomainMinutes['bikes']> }): ReactNode {
  const { t, locale } = useI18n();
  const n = bikes.network;
  return (
    <>
      <dt>{t('replayDomains.fleet')}</dt>
      <dd>{formatNumber(locale, n.fleet, 0)}</dd>
      <dt>{t('replayDomains.inUse')}</dt>
      <dd>
        {formatNumber(locale, n.inUse, 0)}
        {n.rideRate !== null && ` · ${t('replayDomains.rideRate')} ${formatPercent(locale, n.rideRate)}`}
      </dd>
      <dt>{t('replayDomains.inNoParking')}</dt>
      <dd>{formatNumber(locale, n.inNoParking, 0)}</dd>
      <dt>{t('replayDomains.unpermitted')}</dt>
      <dd>{formatNumber(locale, n.unpermitted, 0)}</dd>
      <dt>{t('replayDomains.saturatedZones')}</dt>
      <dd>{formatNumber(locale, bikes.saturatedZones, 0)}</dd>
    </>
  );
}

/**
 * The recorded water counts (by warning colour and water class) and bike figures of the nearest earlier
 * recorded minute. The replay time is rounded like the drill-down's, so a playing replay refetches at most
 * about every 10 real seconds.
 */
export function ReplayDomains({ date, state, timeZone }: ReplayDomainsProps): ReactNode {
  const { t } = useI18n();
  const at = replayDrilldownDay(date, state)?.at ?? null;
  const { data } = useQuery({
    ...dayDomainsQuery(date, at ?? 0),
    enabled: at !== null,
    placeholderData: keepPreviousData,
  });
  const recordedAt = data?.river?.at ?? data?.bikes?.at ?? null;
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return (
    <section className="panel replay-domains" data-testid="replay-domains">
      <h2 className="panel__title">{t('replayDomains.title')}</h2>
      {recordedAt === null ? (
        <p className="replay-domains__none">{t('replayDomains.none')}</p>
      ) : (
        <dl className="day-summary replay-domains__list">
          <dt>{t('replayDomains.recordedAt', { time: time.format(recordedAt) })}</dt>
          <dd />
          {data?.river && <RiverFigures river={data.river} />}
          {data?.bikes && <BikeFigures bikes={data.bikes} />}
        </dl>
      )}
    </section>
  );
}
