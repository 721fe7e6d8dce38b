import { queryOptions } from '@tanstack/react-query';
import { Type } from '@sinclair/typebox';
import {
  BacktestResultSchema,
  CaseListSchema,
  DaySummarySchema,
  DayTimelineSchema,
  DomainMinutesSchema,
  HistoryDaysSchema,
  StoredRuleSchema,
  TypicalDaySchema,
  type BacktestResult,
} from '@cbo/contracts';
import { Value } from '@sinclair/typebox/value';
import { fetchValidated } from '../api/fetch-validated';

/** Value of the compare picker that selects the typical day of the replayed day's type. */
export const TYPICAL_DAY = 'typical';

/** Query keys of the history screens. */
export const historyKeys = {
  days: ['history', 'days'] as const,
  timeline: (date: string) => ['history', 'timeline', date] as const,
  summary: (date: string) => ['history', 'summary', date] as const,
  typical: (date: string) => ['history', 'typical', date] as const,
  domains: (date: string, at: number) => ['history', 'domains', date, at] as const,
  rules: ['history', 'rules'] as const,
  caseIds: ['history', 'case-ids'] as const,
};

const RuleListSchema = Type.Object({ rules: Type.Array(StoredRuleSchema) });

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

/** The recorded water and bike minute at or before `at` (pass a rounded instant: one query per minute). */
export function dayDomainsQuery(date: string, at: number) {
  return queryOptions({
    queryKey: historyKeys.domains(date, at),
    queryFn: ({ signal }) =>
      fetchValidated(`/api/v1/history/days/${date}/domains?at=${at}`, DomainMinutesSchema, signal),
    staleTime: 300_000,
  });
}

/** The typical weekday or weekend curve on a date's clock, with its summary. */
export function typicalDayQuery(date: string) {
  return queryOptions({
    queryKey: historyKeys.typical(date),
    queryFn: ({ signal }) => fetchValidated(`/api/v1/history/days/${date}/typical`, TypicalDaySchema, signal),
    staleTime: 300_000,
  });
}

/** The stored alert rules (to pick one for a backtest). */
export function backtestRulesQuery() {
  return queryOptions({
    queryKey: historyKeys.rules,
    queryFn: ({ signal }) => fetchValidated('/api/v1/alerts/rules', RuleListSchema, signal),
    staleTime: 60_000,
  });
}

/** What a backtest answered: the result, or the server's reasons for refusing the rule. */
export type BacktestOutcome = { result: BacktestResult } | { errors: string[] };

/** Runs a rule (edited, as parsed JSON) over a recorded day: `POST /api/v1/history/backtest`. */
export async function runBacktest(date: string, rule: unknown): Promise<BacktestOutcome> {
  const response = await fetch('/api/v1/history/backtest', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ date, rule }),
  });
  const body = (await response.json().catch(() => ({}))) as unknown;
  if (response.ok && Value.Check(BacktestResultSchema, body)) return { result: body };
  const message = String((body as { message?: unknown }).message ?? `HTTP ${response.status}`);
  return { errors: message.replace(/^Invalid rule: /, '').split('; ') };
}

/** Ids of the cases the server holds (an evidence pack can be built for those only). */
export function knownCaseIdsQuery() {
  return queryOptions({
    queryKey: historyKeys.caseIds,
    queryFn: async ({ signal }) =>
      new Set((await fetchValidated('/api/v1/cases', CaseListSchema, signal)).cases.map((c) => c.id)),
    staleTime: 30_000,
  });
}
