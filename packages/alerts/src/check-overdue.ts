import type { Case, CaseAction, EpochMs } from '@cbo/contracts';

/** An overdue case and the `escalate` action to record for it. */
export interface CaseEscalation {
  readonly caseId: string;
  /** How long past the due time, ms. */
  readonly overdueMs: number;
  /** The escalation level now due: 1 when just past due, one more per further SLA period. */
  readonly level: number;
  /** Apply with `applyCaseAction(case, action)`; actor `system`, time `now`. */
  readonly action: CaseAction;
}

/**
 * Cases dispatched or in handling whose SLA due time has passed (`now > dueAt`) and whose escalation level is
 * behind: level = ceil((now - dueAt) / SLA), SLA = dueAt - dispatchedAt. Calling it every tick yields each
 * level once per case, as long as the returned actions are applied.
 */
export function checkOverdue(cases: readonly Case[], now: EpochMs): CaseEscalation[] {
  const out: CaseEscalation[] = [];
  for (const c of cases) {
    if (c.status !== 'dispatched' && c.status !== 'handling') continue;
    if (c.dueAt === null || c.dispatchedAt === null || now <= c.dueAt) continue;
    const overdueMs = now - c.dueAt;
    const slaMs = Math.max(1, c.dueAt - c.dispatchedAt);
    const level = Math.ceil(overdueMs / slaMs);
    if (level <= c.escalationLevel) continue;
    const minutes = Math.round(overdueMs / 60_000);
    out.push({
      caseId: c.id,
      overdueMs,
      level,
      action: {
        type: 'escalate',
        actor: 'system',
        at: now,
        revision: c.revision,
        level,
        comment: `overdue by ${minutes} min (unit ${c.unitId ?? 'none'}), escalation level ${level}`,
      },
    });
  }
  return out;
}
