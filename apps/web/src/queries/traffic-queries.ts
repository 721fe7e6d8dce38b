import { queryOptions } from '@tanstack/react-query';
import { CityDocumentSchema, TrafficNowSchema, TtiSeriesSchema } from '@cbo/contracts';
import { fetchValidated } from '../api/fetch-validated';

/** Query keys of the traffic screens, in one place. */
export const trafficKeys = {
  city: ['city'] as const,
  now: ['traffic', 'now'] as const,
  series: ['traffic', 'series'] as const,
};

/** The city document (geometry of districts, water and segments); it does not change while running. */
export function cityQuery() {
  return queryOptions({
    queryKey: trafficKeys.city,
    queryFn: ({ signal }) => fetchValidated('/api/v1/city', CityDocumentSchema, signal),
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

/** Network and district indices now; the socket bridge keeps it current between fetches. */
export function trafficNowQuery() {
  return queryOptions({
    queryKey: trafficKeys.now,
    queryFn: ({ signal }) => fetchValidated('/api/v1/traffic/now', TrafficNowSchema, signal),
    staleTime: Infinity,
  });
}

/** Network TTI per minute since local midnight; the socket bridge appends to it. */
export function trafficSeriesQuery() {
  return queryOptions({
    queryKey: trafficKeys.series,
    queryFn: ({ signal }) => fetchValidated('/api/v1/traffic/series', TtiSeriesSchema, signal),
    staleTime: Infinity,
    // A re-fetch every 10 minutes repairs anything missed while the socket was away.
    refetchInterval: 600_000,
  });
}
