import type { HistoryEvent } from '@cbo/contracts';

/** A raised alert of a recorded day, with the case that holds it when the record says so. */
export interface AlertMark {
  at: number;
  key: string;
  entityId: string;
  severity: string;
  kind: string;
  caseId: string | null;
}

interface AlertPayload {
  key?: unknown;
  entityId?: unknown;
  severity?: unknown;
  kind?: unknown;
}

interface CasePayload {
  caseId?: unknown;
  alertKey?: unknown;
}

const text = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);

/**
 * The raised alerts of a day's timeline, each with its case: a case event `attach-alert` names the alert key;
 * a case `open` event carries no key, so the cases opened at an instant are paired, in order, with the
 * alerts raised at that instant that no other case claimed (the case service opens them in that order).
 */
export function alertMarks(events: readonly HistoryEvent[]): AlertMark[] {
  const byKey = new Map<string, string>();
  const openedAt = new Map<number, string[]>();
  for (const e of events) {
    if (e.stream !== 'case') continue;
    const payload = (e.payload ?? {}) as CasePayload;
    const caseId = text(payload.caseId);
    if (caseId === '') continue;
    if (e.kind === 'attach-alert' && typeof payload.alertKey === 'string')
      byKey.set(payload.alertKey, caseId);
    if (e.kind === 'open') openedAt.set(e.at, [...(openedAt.get(e.at) ?? []), caseId]);
  }
  const marks: AlertMark[] = [];
  for (const e of events) {
    if (e.stream !== 'alert' || e.kind !== 'raised') continue;
    const payload = (e.payload ?? {}) as AlertPayload;
    const key = text(payload.key);
    let caseId = byKey.get(key) ?? null;
    if (caseId === null) caseId = openedAt.get(e.at)?.shift() ?? null;
    marks.push({
      at: e.at,
      key,
      entityId: text(payload.entityId),
      severity: text(payload.severity, 'blue'),
      kind: text(payload.kind),
      caseId,
    });
  }
  return marks;
}
