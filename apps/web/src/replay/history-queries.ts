import { queryOptions } from '@tanstack/react-query';
import { DaySummarySchema, DayTimelineSchema, HistoryDaysSchema } from '@cbo/contracts';
import { fetchValidated } from '../api/fetch-validated';

/** Query keys of the history screens. */
export const historyKeys = {
  days: ['history', 'days'] as const,
  timeline: (date: string) => ['history', 'timeline', date] as const,
  summary: (date: string) => ['history', 'summary', date] as const,
};

/** Recorded days (with archives that could not be read). */
export function historyDaysQuery() {
  return queryOptions({
    queryKey: historyKeys.days,
    queryFn: ({ signal }) => fetchValidated('/api/v1/history/days', HistoryDaysSchema, signal),
    staleTime: 60_000,
  });
}

/** Network TTI per minute and alert marks of a day. */
export function dayTimelineQuery(date: string) {
  return queryOptions({
    queryKey: historyKeys.timeline(date),
    queryFn: ({ signal }) =>
      fetchValidated(`/api/v1/history/days/${date}/timeline`, DayTimelineSchema, signal),
    staleTime: 60_000,
  });
}

/** Figures of a day for the comparison. */
export function daySummaryQuery(date: string) {
  return queryOptions({
    queryKey: historyKeys.summary(date),
    queryFn: ({ signal }) => fetchValidated(`/api/v1/history/days/${date}/summary`, DaySummarySchema, signal),
    staleTime: 60_000,
  });
}
