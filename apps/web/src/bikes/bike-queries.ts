import { queryOptions } from '@tanstack/react-query';
import {
  BikeOperatorSeriesSchema,
  BikeOperatorsResponseSchema,
  BikesNowSchema,
  BikeStationsResponseSchema,
  BikeZonesResponseSchema,
} from '@cbo/contracts';
import { fetchValidated } from '../api/fetch-validated';

/** Query keys of the bike screens, in one place. */
export const bikeKeys = {
  now: ['bikes', 'now'] as const,
  stations: ['bikes', 'stations'] as const,
  zones: ['bikes', 'zones'] as const,
  operators: ['bikes', 'operators'] as const,
  series: (operatorId: string, date: string) => ['bikes', 'series', operatorId, date] as const,
};

/** Metrics, zone states, station counts and feed freshness; `bikes:now` keeps it current between fetches. */
export function bikesNowQuery() {
  return queryOptions({
    queryKey: bikeKeys.now,
    queryFn: ({ signal }) => fetchValidated('/api/v1/bikes/now', BikesNowSchema, signal),
    staleTime: Infinity,
  });
}

/** Every station with its latest status (fill state, forecast). */
export function bikeStationsQuery() {
  return queryOptions({
    queryKey: bikeKeys.stations,
    queryFn: ({ signal }) => fetchValidated('/api/v1/bikes/stations', BikeStationsResponseSchema, signal),
    refetchInterval: 30_000,
  });
}

/** Every zone with its polygons and state; states between fetches come from `bikes:now`. */
export function bikeZonesQuery() {
  return queryOptions({
    queryKey: bikeKeys.zones,
    queryFn: ({ signal }) => fetchValidated('/api/v1/bikes/zones', BikeZonesResponseSchema, signal),
    refetchInterval: 120_000,
  });
}

/** The operators (names, quota, permits). */
export function bikeOperatorsQuery() {
  return queryOptions({
    queryKey: bikeKeys.operators,
    queryFn: ({ signal }) => fetchValidated('/api/v1/bikes/operators', BikeOperatorsResponseSchema, signal),
    staleTime: 300_000,
  });
}

/**
 * One operator's day in 15-minute buckets (fleet, in use, ride rate) and its distribution by district.
 *
 * @param date - local date `YYYY-MM-DD`, or '' for today
 */
export function bikeOperatorSeriesQuery(operatorId: string, date: string) {
  return queryOptions({
    queryKey: bikeKeys.series(operatorId, date),
    queryFn: ({ signal }) =>
      fetchValidated(operatorSeriesUrl(operatorId, date), BikeOperatorSeriesSchema, signal),
    refetchInterval: 60_000,
  });
}

/** URL of an operator's day series in 15-minute buckets; without a date, today. */
export function operatorSeriesUrl(operatorId: string, date: string): string {
  const query = new URLSearchParams({ bucketMin: '15' });
  if (date) query.set('date', date);
  return `/api/v1/bikes/operators/${encodeURIComponent(operatorId)}/series?${query.toString()}`;
}
