import {
  ALERT_SEVERITIES,
  CASE_ACTION_TYPES,
  type AlertDomain,
  type AlertSeverity,
  type Case,
  type CaseAction,
  type CaseActionType,
  type CaseAlertRef,
  type CaseEvent,
  type CaseStatus,
  type EpochMs,
} from '@cbo/contracts';

/** Statuses a case can still move from (all but closed, auto-resolved and dismissed). */
export const OPEN_CASE_STATUSES: readonly CaseStatus[] = [
  'detected',
  'filed',
  'dispatched',
  'handling',
  'reported',
  'verified',
];

const ALL_STATUSES: readonly CaseStatus[] = [...OPEN_CASE_STATUSES, 'closed', 'auto-resolved', 'dismissed'];

/** The lifecycle: for each action, the statuses it may be taken in and the status it leads to. */
export const CASE_TRANSITIONS: Readonly<
  Record<CaseActionType, { readonly from: readonly CaseStatus[]; readonly to: CaseStatus | 'same' }>
> = {
  file: { from: ['detected'], to: 'filed' },
  dispatch: { from: ['filed', 'dispatched'], to: 'dispatched' },
  start: { from: ['dispatched'], to: 'handling' },
  report: { from: ['handling'], to: 'reported' },
  verify: { from: ['reported'], to: 'verified' },
  reject: { from: ['reported'], to: 'handling' },
  close: { from: ['verified'], to: 'closed' },
  'auto-resolve': { from: ['detected'], to: 'auto-resolved' },
  dismiss: { from: OPEN_CASE_STATUSES, to: 'dismissed' },
  comment: { from: ALL_STATUSES, to: 'same' },
  escalate: { from: ['dispatched', 'handling'], to: 'same' },
  'attach-alert': { from: ['detected', 'filed', 'dispatched', 'handling'], to: 'same' },
};

/** Why an action was refused; `case` is the current state, to show the actor. */
export interface CaseError {
  readonly code: 'conflict' | 'illegal-transition' | 'invalid-action';
  readonly message: string;
  readonly status: CaseStatus;
  readonly allowed: readonly CaseActionType[];
  readonly case: Case;
}

/** A case's new state and the events that led there, or the reason nothing changed. */
export type CaseResult = { case: Case; events: CaseEvent[] } | { error: CaseError };

/** Actions that may be taken on a case in this status. */
export function allowedActions(status: CaseStatus): CaseActionType[] {
  return CASE_ACTION_TYPES.filter((type) => CASE_TRANSITIONS[type].from.includes(status));
}

export interface OpenCaseInput {
  readonly id: string;
  readonly kind: string;
  readonly domain: AlertDomain;
  readonly alerts: readonly CaseAlertRef[];
  readonly actor: string;
  readonly at: EpochMs;
  readonly comment?: string;
}

const rank = (s: AlertSeverity): number => ALERT_SEVERITIES.indexOf(s);
const maxSeverity = (alerts: readonly CaseAlertRef[]): AlertSeverity =>
  alerts.reduce<AlertSeverity>((top, a) => (rank(a.severity) > rank(top) ? a.severity : top), 'blue');

/** Open a case in `detected` (发现) for one alert or a group of them; revision 0. */
export function openCase(input: OpenCaseInput): { case: Case; events: CaseEvent[] } {
  if (input.alerts.length === 0) throw new Error(`case ${input.id}: a case needs at least one alert`);
  const opened: Case = {
    id: input.id,
    revision: 0,
    status: 'detected',
    kind: input.kind,
    domain: input.domain,
    severity: maxSeverity(input.alerts),
    alerts: [...input.alerts],
    detectedAt: input.at,
    updatedAt: input.at,
    unitId: null,
    dispatchedAt: null,
    dueAt: null,
    reportedAt: null,
    escalationLevel: 0,
    result: null,
    dismissReason: null,
  };
  const event: CaseEvent = {
    caseId: input.id, revision: 0, action: 'open', actor: input.actor, at: input.at,
    comment: input.comment ?? '', from: null, to: 'detected',
  }; // prettier-ignore
  return { case: opened, events: [event] };
}

function refuse(current: Case, code: CaseError['code'], message: string): { error: CaseError } {
  return {
    error: { code, message, status: current.status, allowed: allowedActions(current.status), case: current },
  };
}

/** What the action's payload lacks, or null when it is complete. */
function missingPayload(current: Case, a: CaseAction): string | null {
  switch (a.type) {
    case 'dispatch':
      return a.unitId === undefined || a.slaMs === undefined ? 'dispatch needs unitId and slaMs' : null;
    case 'report':
      return a.result === undefined || a.result === '' ? 'report needs a result' : null;
    case 'dismiss':
      return a.reason === undefined || a.reason === '' ? 'dismiss needs a reason' : null;
    case 'reject':
      return a.comment === undefined || a.comment === ''
        ? 'reject needs a comment saying what is wrong'
        : null;
    case 'escalate':
      return a.level === undefined || a.level <= current.escalationLevel
        ? `escalate needs a level above the current ${current.escalationLevel}`
        : null;
    case 'attach-alert':
      if (a.alert === undefined) return 'attach-alert needs an alert';
      return current.alerts.some((x) => x.key === a.alert?.key && x.severity === a.alert.severity)
        ? `alert ${a.alert.key} is already attached at ${a.alert.severity}`
        : null;
    default:
      return null;
  }
}

function changesOf(current: Case, a: CaseAction): Partial<Case> {
  switch (a.type) {
    case 'dispatch':
      return {
        unitId: a.unitId ?? null,
        dispatchedAt: a.at,
        dueAt: a.at + (a.slaMs ?? 0),
        escalationLevel: 0,
      };
    case 'report':
      return { reportedAt: a.at, result: a.result ?? null };
    case 'reject':
      return { reportedAt: null };
    case 'dismiss':
      return { dismissReason: a.reason ?? null };
    case 'escalate':
      return { escalationLevel: a.level ?? current.escalationLevel };
    case 'attach-alert': {
      // An alert already attached is updated in place (its severity changed); a new one is appended.
      const incoming = a.alert;
      const alerts =
        incoming === undefined
          ? current.alerts
          : current.alerts.some((x) => x.key === incoming.key)
            ? current.alerts.map((x) => (x.key === incoming.key ? incoming : x))
            : [...current.alerts, incoming];
      return { alerts, severity: maxSeverity(alerts) };
    }
    default:
      return {};
  }
}

/**
 * Apply an action to a case: `(case, action) => { case, events } | { error }`, pure. Checked in order: the
 * revision (an action quoting another revision than the current is a `conflict`, returned with the current
 * case), the transition table (`illegal-transition`, naming the status and the allowed actions), then the
 * payload and time (`invalid-action`). Every accepted action is one event and one revision more.
 */
export function applyCaseAction(current: Case, action: CaseAction): CaseResult {
  if (action.revision !== current.revision) {
    return refuse(
      current,
      'conflict',
      `case ${current.id} changed: you acted on revision ${action.revision}, it is now revision ` +
        `${current.revision} (${current.status}); reload and try again`,
    );
  }
  const transition = CASE_TRANSITIONS[action.type];
  if (!transition.from.includes(current.status)) {
    const allowed = allowedActions(current.status);
    return refuse(
      current,
      'illegal-transition',
      `cannot ${action.type} a case that is ${current.status}; allowed: ${allowed.join(', ') || 'none'}`,
    );
  }
  const missing = missingPayload(current, action);
  if (missing !== null) return refuse(current, 'invalid-action', missing);
  if (action.at < current.updatedAt) {
    return refuse(
      current,
      'invalid-action',
      `action time ${action.at} is before the last change ${current.updatedAt}`,
    );
  }
  const to = transition.to === 'same' ? current.status : transition.to;
  const revision = current.revision + 1;
  const next: Case = {
    ...current,
    ...changesOf(current, action),
    status: to,
    revision,
    updatedAt: action.at,
  };
  const event: CaseEvent = {
    caseId: current.id, revision, action: action.type, actor: action.actor, at: action.at,
    comment: action.comment ?? '', from: current.status, to,
  }; // prettier-ignore
  if (action.type === 'dispatch') Object.assign(event, { unitId: next.unitId, dueAt: next.dueAt });
  if (action.type === 'dismiss') event.reason = action.reason;
  if (action.type === 'report') event.result = action.result;
  if (action.type === 'escalate') event.level = next.escalationLevel;
  if (action.type === 'attach-alert') event.alertKey = action.alert?.key;
  return { case: next, events: [event] };
}
