import type { AlertTarget, Case } from '@cbo/contracts';
import { OPEN_CASE_STATUSES } from './case-machine';

/** The least an alert needs for grouping (an `ActiveAlert` or `AlertEvent` has it). */
export interface GroupableAlert {
  readonly key: string;
  readonly kind: string;
  readonly target: AlertTarget;
  readonly entityId: string;
  readonly groupAdjacent: boolean;
}

/** True when two entities of one kind touch (segments linked, gauges on one reach...). Caller's knowledge. */
export type Adjacency = (target: AlertTarget, a: string, b: string) => boolean;

/** Alerts that belong in one case. */
export interface AlertGroup<T extends GroupableAlert> {
  readonly kind: string;
  readonly target: AlertTarget;
  readonly alerts: readonly T[];
}

/**
 * Merge alerts into groups: alerts of one kind and target whose rules allow grouping join when connected
 * through the adjacency (transitively: a congested corridor is one group). Others stay alone. Groups come
 * in the order of their first alert; alerts keep their input order within a group.
 */
export function groupAlerts<T extends GroupableAlert>(
  alerts: readonly T[],
  adjacent: Adjacency,
): AlertGroup<T>[] {
  const parent = alerts.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    parent[i] = root;
    return root;
  };
  for (let i = 0; i < alerts.length; i++) {
    const a = alerts[i] as T;
    if (!a.groupAdjacent) continue;
    for (let j = i + 1; j < alerts.length; j++) {
      const b = alerts[j] as T;
      if (!b.groupAdjacent || a.kind !== b.kind || a.target !== b.target) continue;
      if (adjacent(a.target, a.entityId, b.entityId)) parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, T[]>();
  alerts.forEach((alert, i) => {
    const root = find(i);
    const list = groups.get(root);
    if (list === undefined) groups.set(root, [alert]);
    else list.push(alert);
  });
  return [...groups.values()].map((list) => {
    const first = list[0] as T;
    return { kind: first.kind, target: first.target, alerts: list };
  });
}

/**
 * The open case a new alert should join: an open case (not yet reported) of the same kind holding an alert on
 * the same target adjacent to the new alert's entity; null when none (open a new case). Oldest case wins.
 */
export function findCaseForAlert(
  cases: readonly Case[],
  alert: GroupableAlert,
  adjacent: Adjacency,
): Case | null {
  if (!alert.groupAdjacent) return null;
  let best: Case | null = null;
  for (const c of cases) {
    if (c.kind !== alert.kind || !OPEN_CASE_STATUSES.includes(c.status)) continue;
    if (c.status === 'reported' || c.status === 'verified') continue;
    const touches = c.alerts.some(
      (a) =>
        a.target === alert.target &&
        (a.entityId === alert.entityId || adjacent(a.target, a.entityId, alert.entityId)),
    );
    if (touches && (best === null || c.detectedAt < best.detectedAt)) best = c;
  }
  return best;
}
