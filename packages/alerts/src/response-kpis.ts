import { CASE_STATUSES, type CaseEvent, type CaseStatus, type EpochMs } from '@cbo/contracts';

/** Summary of a set of durations, ms; nulls when there are none. */
export interface DurationStats {
  readonly count: number;
  readonly meanMs: number | null;
  /** Middle value; the mean of the two middle values for an even count. */
  readonly medianMs: number | null;
  /** Nearest-rank 90th percentile: the value at rank ceil(0.9 n) of the sorted list. */
  readonly p90Ms: number | null;
}

/** Response KPIs of the cases opened in a window. Definitions: docs/alerts.md. */
export interface ResponseKpis {
  readonly cases: number;
  readonly byStatus: Readonly<Record<CaseStatus, number>>;
  /** Opened (detected) to first filed: how fast the duty officer takes it up. */
  readonly timeToAcknowledge: DurationStats;
  /** Opened to closed (结案), closed cases only. */
  readonly timeToClose: DurationStats;
  /**
   * Closed cases that were dispatched, and how many had their result reported by the due time of the
   * dispatch in force; share = met / eligible (null when none are eligible).
   */
  readonly withinSla: { readonly eligible: number; readonly met: number; readonly share: number | null };
}

export interface ResponseKpiOptions {
  /** Count cases opened at or after this time. */
  readonly from?: EpochMs;
  /** Count cases opened before this time. */
  readonly to?: EpochMs;
}

function stats(durations: number[]): DurationStats {
  const n = durations.length;
  if (n === 0) return { count: 0, meanMs: null, medianMs: null, p90Ms: null };
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (i: number): number => sorted[i] as number;
  const medianMs = n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
  return {
    count: n,
    meanMs: sorted.reduce((s, d) => s + d, 0) / n,
    medianMs,
    p90Ms: at(Math.ceil(0.9 * n) - 1),
  };
}

/**
 * Response KPIs from case events (any order, any number of cases; each case's events are ordered by
 * revision). A case counts when its `open` event falls in [from, to).
 */
export function computeResponseKpis(
  events: readonly CaseEvent[],
  options: ResponseKpiOptions = {},
): ResponseKpis {
  const byCase = new Map<string, CaseEvent[]>();
  for (const e of events) {
    const list = byCase.get(e.caseId);
    if (list === undefined) byCase.set(e.caseId, [e]);
    else list.push(e);
  }
  const byStatus = Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as Record<CaseStatus, number>;
  const ack: number[] = [];
  const close: number[] = [];
  let cases = 0;
  let eligible = 0;
  let met = 0;
  for (const list of byCase.values()) {
    list.sort((a, b) => a.revision - b.revision);
    const opened = list.find((e) => e.action === 'open');
    if (opened === undefined) continue;
    if (options.from !== undefined && opened.at < options.from) continue;
    if (options.to !== undefined && opened.at >= options.to) continue;
    cases++;
    const last = list[list.length - 1] as CaseEvent;
    byStatus[last.to]++;
    const filed = list.find((e) => e.action === 'file');
    if (filed !== undefined) ack.push(filed.at - opened.at);
    const closed = list.find((e) => e.action === 'close');
    if (closed === undefined) continue;
    close.push(closed.at - opened.at);
    const reportIndex = list.findLastIndex((e) => e.action === 'report');
    const dispatch = list.slice(0, Math.max(0, reportIndex)).findLast((e) => e.action === 'dispatch');
    const anyDispatch = list.some((e) => e.action === 'dispatch');
    if (!anyDispatch) continue;
    eligible++;
    const report = list[reportIndex];
    if (report !== undefined && dispatch?.dueAt !== undefined && report.at <= dispatch.dueAt) met++;
  }
  return {
    cases,
    byStatus,
    timeToAcknowledge: stats(ack),
    timeToClose: stats(close),
    withinSla: { eligible, met, share: eligible === 0 ? null : met / eligible },
  };
}
