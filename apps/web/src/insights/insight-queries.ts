import { queryOptions } from '@tanstack/react-query';
import {
  AreaTodaySchema,
  SegmentObservationsSchema,
  TrafficDayReportSchema,
  TrafficEventListSchema,
  TrafficInsightsSchema,
  type DrilldownKind,
} from '@cbo/contracts';
import { fetchValidated } from '../api/fetch-validated';

/** Query keys of the traffic insights, in one place. */
export const insightKeys = {
  insights: ['traffic', 'insights'] as const,
  day: (date: string) => ['traffic', 'day', date] as const,
  area: (kind: DrilldownKind, id: string, day?: PastDayPoint) =>
    ['traffic', 'area', kind, id, day?.date ?? 'today', day?.at ?? null] as const,
  observations: (segmentId: string, day?: PastDayPoint) =>
    ['traffic', 'observations', segmentId, day?.at ?? null] as const,
  events: ['traffic', 'events'] as const,
};

/** Camera events (illegal parking, stopped vehicles) of the last hour, newest first. */
export function trafficEventsQuery() {
  return queryOptions({
    queryKey: insightKeys.events,
    queryFn: ({ signal }) => fetchValidated('/api/v1/traffic/events', TrafficEventListSchema, signal),
    staleTime: 15_000,
    refetchInterval: 30_000,
  });
}

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

/** A past local day and an instant of it (the replayed day at the replay's time). */
export interface PastDayPoint {
  /** Local date `YYYY-MM-DD`. */
  date: string;
  /** Epoch ms. */
  at: number;
}

/**
 * Speed and TTI of an area today against the typical day, with its metrics, incidents and events; with `day`,
 * of that past day as of `day.at`.
 */
export function areaTodayQuery(kind: DrilldownKind, id: string, day?: PastDayPoint) {
  return queryOptions({
    queryKey: insightKeys.area(kind, id, day),
    queryFn: ({ signal }) =>
      fetchValidated(
        `/api/v1/traffic/areas/${kind}/${encodeURIComponent(id)}/today${day ? `?date=${day.date}&at=${day.at}` : ''}`,
        AreaTodaySchema,
        signal,
      ),
    staleTime: 30_000,
    refetchInterval: 60_000,
  });
}

/** Query string of the hour before `day.at`; empty for the live last hour. */
function observationWindow(day: PastDayPoint | undefined): string {
  return day ? `?from=${Math.max(0, day.at - 3_600_000)}&to=${day.at}` : '';
}

/** A segment's raw readings of the last hour (with `day`, of the hour before `day.at`). */
export function segmentObservationsQuery(segmentId: string, day?: PastDayPoint) {
  return queryOptions({
    queryKey: insightKeys.observations(segmentId, day),
    queryFn: ({ signal }) =>
      fetchValidated(
        `/api/v1/traffic/segments/${encodeURIComponent(segmentId)}/observations${observationWindow(day)}`,
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
