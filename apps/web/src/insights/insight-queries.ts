import { queryOptions } from '@tanstack/react-query';
import {
  AreaTodaySchema,
  SegmentObservationsSchema,
  TrafficDayReportSchema,
  TrafficInsightsSchema,
  type DrilldownKind,
} from '@cbo/contracts';
import { fetchValidated } from '../api/fetch-validated';

/** Query keys of the traffic insights, in one place. */
export const insightKeys = {
  insights: ['traffic', 'insights'] as const,
  day: (date: string) => ['traffic', 'day', date] as const,
  area: (kind: DrilldownKind, id: string) => ['traffic', 'area', kind, id] as const,
  observations: (segmentId: string) => ['traffic', 'observations', segmentId] as const,
};

/** The seven metrics, incidents and forecasts; the socket bridge writes each tick's into the cache. */
export function trafficInsightsQuery() {
  return queryOptions({
    queryKey: insightKeys.insights,
    queryFn: ({ signal }) => fetchValidated('/api/v1/traffic/insights', TrafficInsightsSchema, signal),
    staleTime: Infinity,
    // Repairs anything missed while the socket was away.
    refetchInterval: 60_000,
  });
}

/** A local day's figures and comparisons; today's change by the minute. */
export function dayReportQuery(date: string | null) {
  return queryOptions({
    queryKey: insightKeys.day(date ?? ''),
    queryFn: ({ signal }) =>
      fetchValidated(`/api/v1/traffic/day/${date ?? ''}`, TrafficDayReportSchema, signal),
    enabled: date !== null,
    staleTime: 30_000,
    refetchInterval: 60_000,
    retry: false,
  });
}

/** Speed and TTI of an area today against the typical day, with its metrics, incidents and events. */
export function areaTodayQuery(kind: DrilldownKind, id: string) {
  return queryOptions({
    queryKey: insightKeys.area(kind, id),
    queryFn: ({ signal }) =>
      fetchValidated(
        `/api/v1/traffic/areas/${kind}/${encodeURIComponent(id)}/today`,
        AreaTodaySchema,
        signal,
      ),
    staleTime: 30_000,
    refetchInterval: 60_000,
  });
}

/** A segment's raw readings of the last hour. */
export function segmentObservationsQuery(segmentId: string) {
  return queryOptions({
    queryKey: insightKeys.observations(segmentId),
    queryFn: ({ signal }) =>
      fetchValidated(
        `/api/v1/traffic/segments/${encodeURIComponent(segmentId)}/observations`,
        SegmentObservationsSchema,
        signal,
      ),
    staleTime: 30_000,
    refetchInterval: 60_000,
  });
}

/** The local date `YYYY-MM-DD` of an instant in a time zone. */
export function localDate(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}
