import type { Case, CaseAction, CaseActionType, CaseEvent } from '@cbo/contracts';
import { applyCaseAction, openCase } from './case-machine';

/** Open a test case `c1` at `at` with one yellow segment alert. */
export function newCase(id = 'c1', at = 0): { case: Case; events: CaseEvent[] } {
  return openCase({
    id,
    kind: 'congestion',
    domain: 'traffic',
    alerts: [{ key: `congestion:${id}-s1`, target: 'segment', entityId: 's1', severity: 'yellow' }],
    actor: 'system',
    at,
  });
}

/** A complete action of this type on this case at `at` (payload filled in). */
export function actionFor(
  c: Case,
  type: CaseActionType,
  at: number,
  extra: Partial<CaseAction> = {},
): CaseAction {
  const base: CaseAction = { type, actor: 'officer-1', at, revision: c.revision, comment: `${type} note` };
  const payloads: Partial<Record<CaseActionType, Partial<CaseAction>>> = {
    dispatch: { unitId: 'brigade-west', slaMs: 600_000 },
    report: { result: 'cleared the breakdown' },
    dismiss: { reason: 'false alarm' },
    escalate: { level: c.escalationLevel + 1 },
    'attach-alert': { alert: { key: 'congestion:s2', target: 'segment', entityId: 's2', severity: 'red' } },
  };
  const payload = payloads[type] ?? {};
  return { ...base, ...payload, ...extra };
}

/** Apply actions in order (one per 60 s after `from`); throws on a refusal (a test bug). */
export function drive(
  start: { case: Case; events: CaseEvent[] },
  types: readonly CaseActionType[],
  from = 0,
  extras: Partial<Record<CaseActionType, Partial<CaseAction>>> = {},
): { case: Case; events: CaseEvent[] } {
  let current = start.case;
  const events = [...start.events];
  types.forEach((type, i) => {
    const result = applyCaseAction(current, actionFor(current, type, from + (i + 1) * 60_000, extras[type]));
    if ('error' in result) throw new Error(result.error.message);
    current = result.case;
    events.push(...result.events);
  });
  return { case: current, events };
}
