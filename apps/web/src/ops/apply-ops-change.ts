import type { ActiveAlert, AlertEvent, CaseChanged, CaseDetail, OpsSnapshot } from '@cbo/contracts';

/** The snapshot with a pushed case change applied: the case replaced (or added first), older revisions ignored. */
export function applyCaseChange(snapshot: OpsSnapshot, change: CaseChanged): OpsSnapshot {
  const index = snapshot.cases.findIndex((c) => c.id === change.case.id);
  if (index === -1) return { ...snapshot, cases: [change.case, ...snapshot.cases] };
  if ((snapshot.cases[index]?.revision ?? -1) >= change.case.revision) return snapshot;
  const cases = [...snapshot.cases];
  cases[index] = change.case;
  return { ...snapshot, cases };
}

/** A case's detail with a pushed change applied: events it does not hold yet appended, in revision order. */
export function applyCaseChangeToDetail(detail: CaseDetail, change: CaseChanged): CaseDetail {
  if (detail.case.id !== change.case.id || detail.case.revision >= change.case.revision) return detail;
  const known = new Set(detail.events.map((e) => e.revision));
  const events = [...detail.events, ...change.events.filter((e) => !known.has(e.revision))].sort(
    (a, b) => a.revision - b.revision,
  );
  return { case: change.case, events };
}

function alertOf(event: AlertEvent, uncertain: boolean): ActiveAlert {
  const { key, kind, domain, target, entityId, ruleId, ruleVersion, severity, groupAdjacent, firingSince } =
    event;
  return {
    key,
    kind,
    domain,
    target,
    entityId,
    ruleId,
    ruleVersion,
    severity,
    groupAdjacent,
    firingSince,
    uncertain,
    silenced: false,
  };
}

/** The firing alerts after one evaluation's events: raised added, resolved removed, others updated. */
export function applyAlertEvents(
  alerts: readonly ActiveAlert[],
  events: readonly AlertEvent[],
): ActiveAlert[] {
  const byKey = new Map(alerts.map((a) => [a.key, a]));
  for (const event of events) {
    const prior = byKey.get(event.key);
    if (event.type === 'resolved') byKey.delete(event.key);
    else if (event.type === 'uncertain' || event.type === 'recovered-certainty')
      byKey.set(event.key, alertOf(event, event.type === 'uncertain'));
    else byKey.set(event.key, alertOf(event, prior?.uncertain ?? false));
  }
  return [...byKey.values()];
}
