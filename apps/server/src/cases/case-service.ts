import {
  type AlertEvent,
  type Case,
  type CaseAction,
  type CaseActionRequest,
  type CaseChanged,
  type CaseDetail,
  type CaseEvent,
  type Unit,
} from '@cbo/contracts';
import {
  applyCaseAction,
  checkOverdue,
  computeResponseKpis,
  findCaseForAlert,
  openCase,
  OPEN_CASE_STATUSES,
  type Adjacency,
  type CaseError,
  type ResponseKpis,
} from '@cbo/alerts';
import type { FastifyBaseLogger } from 'fastify';
import type { CasesRepository } from './cases-repository';

/** Who acts on a case: the signed-in user (only the name is recorded on the event). */
export interface CaseActor {
  readonly id: string;
  readonly name: string;
}

/** Actor name of changes the server makes by itself (opening, auto-resolving, escalating). */
export const SYSTEM_ACTOR = 'system';

/** Why an officer's action was refused, with the current case. */
export type CaseRefusal =
  CaseError | { code: 'not-found'; message: string } | { code: 'unknown-unit'; message: string; case: Case };

/** Cases: opened from alert events, driven by officers' actions, escalated when overdue; persisted. */
export interface CaseService {
  /** Cases, newest first. */
  list(): Case[];
  get(id: string): CaseDetail | null;
  units(): readonly Unit[];
  /** Applies an officer's action; one at a time, so of two actions on one revision the second is a conflict. */
  act(
    id: string,
    request: CaseActionRequest,
    actor: CaseActor,
    at: number,
  ): Promise<CaseChanged | { error: CaseRefusal }>;
  /** Opens, joins, updates or auto-resolves cases for one evaluation's alert events. */
  handleAlertEvents(events: readonly AlertEvent[], firingKeys: ReadonlySet<string>): Promise<void>;
  /** Escalates cases past their SLA due time. */
  escalateOverdue(now: number): Promise<void>;
  /** Response KPIs of the cases opened in [from, to). */
  kpis(from: number, to: number): ResponseKpis;
  onEvent(listener: (change: CaseChanged) => void): () => void;
  /** Resolves when every change queued so far is stored and announced. */
  idle(): Promise<void>;
}

export interface CaseServiceOptions {
  repository: CasesRepository;
  units: readonly Unit[];
  adjacent: Adjacency;
  log: FastifyBaseLogger;
}

const isOpen = (c: Case): boolean => OPEN_CASE_STATUSES.includes(c.status);

/** Loads every case and returns the service. */
export async function createCaseService({
  repository,
  units,
  adjacent,
  log,
}: CaseServiceOptions): Promise<CaseService> {
  const loaded = await repository.loadAll();
  const cases = new Map(loaded.cases.map((c) => [c.id, c]));
  const events = new Map<string, CaseEvent[]>();
  for (const event of loaded.events) {
    const list = events.get(event.caseId);
    if (list === undefined) events.set(event.caseId, [event]);
    else list.push(event);
  }
  const unitById = new Map(units.map((u) => [u.id, u]));
  const listeners = new Set<(change: CaseChanged) => void>();
  let queue: Promise<unknown> = Promise.resolve();
  let counter = cases.size;

  function serialize<T>(job: () => Promise<T>): Promise<T> {
    const result = queue.then(job);
    queue = result.catch((error: unknown) => log.error({ err: error }, 'case change failed'));
    return result;
  }

  async function commit(next: Case, newEvents: CaseEvent[]): Promise<CaseChanged> {
    await repository.save(next, newEvents);
    cases.set(next.id, next);
    events.set(next.id, [...(events.get(next.id) ?? []), ...newEvents]);
    const change: CaseChanged = { case: next, events: newEvents };
    for (const listener of listeners) listener(change);
    return change;
  }

  async function applySystem(current: Case, action: Omit<CaseAction, 'actor' | 'revision'>): Promise<void> {
    const result = applyCaseAction(current, { ...action, actor: SYSTEM_ACTOR, revision: current.revision });
    if ('error' in result)
      log.warn({ caseId: current.id, reason: result.error.message }, 'system action refused');
    else await commit(result.case, result.events);
  }

  const nextCaseId = (at: number): string => {
    counter++;
    const day = new Date(at).toISOString().slice(0, 10).replaceAll('-', '');
    return `C${day}-${String(counter).padStart(4, '0')}`;
  };

  const caseOfAlert = (key: string): Case | undefined =>
    [...cases.values()].find((c) => isOpen(c) && c.alerts.some((a) => a.key === key));

  async function onAlertEvent(event: AlertEvent, firingKeys: ReadonlySet<string>): Promise<void> {
    const ref = { key: event.key, target: event.target, entityId: event.entityId, severity: event.severity };
    const holder = caseOfAlert(event.key);
    if (event.type === 'raised') {
      if (holder !== undefined) return;
      const join = findCaseForAlert([...cases.values()], event, adjacent);
      if (join !== null) return applySystem(join, { type: 'attach-alert', at: event.at, alert: ref });
      const opened = openCase({ id: nextCaseId(event.at), kind: event.kind, domain: event.domain, alerts: [ref], actor: SYSTEM_ACTOR, at: event.at }); // prettier-ignore
      await commit(opened.case, opened.events);
    } else if ((event.type === 'escalated' || event.type === 'deescalated') && holder !== undefined) {
      await applySystem(holder, { type: 'attach-alert', at: event.at, alert: ref });
    } else if (event.type === 'resolved' && holder !== undefined) {
      const stillFiring = holder.alerts.some((a) => a.key !== event.key && firingKeys.has(a.key));
      if (holder.status === 'detected' && !stillFiring) {
        await applySystem(holder, {
          type: 'auto-resolve',
          at: event.at,
          comment: `alert ${event.key} cleared before filing`,
        });
      } else {
        await applySystem(holder, { type: 'comment', at: event.at, comment: `alert ${event.key} cleared` });
      }
    }
  }

  return {
    list: () => [...cases.values()].sort((a, b) => b.detectedAt - a.detectedAt || (a.id < b.id ? 1 : -1)),
    get(id) {
      const found = cases.get(id);
      return found === undefined ? null : { case: found, events: events.get(id) ?? [] };
    },
    units: () => units,
    act: (id, request, actor, at) =>
      serialize(async () => {
        const current = cases.get(id);
        if (current === undefined) return { error: { code: 'not-found', message: `no case ${id}` } };
        if (request.type === 'dispatch' && (request.unitId === undefined || !unitById.has(request.unitId))) {
          const message = `dispatch needs a known unitId, got ${request.unitId ?? 'none'}`;
          return { error: { code: 'unknown-unit', message, case: current } };
        }
        const unit = request.unitId === undefined ? undefined : unitById.get(request.unitId);
        const slaMs = request.type === 'dispatch' ? (request.slaMs ?? unit?.slaMs) : undefined;
        const action: CaseAction = {
          ...request,
          ...(slaMs === undefined ? {} : { slaMs }),
          actor: actor.name,
          at: Math.max(at, current.updatedAt),
        };
        const result = applyCaseAction(current, action);
        if ('error' in result) return result;
        return commit(result.case, result.events);
      }),
    handleAlertEvents: (alertEvents, firingKeys) =>
      serialize(async () => {
        for (const event of alertEvents) await onAlertEvent(event, firingKeys);
      }),
    escalateOverdue: (now) =>
      serialize(async () => {
        for (const due of checkOverdue([...cases.values()], now)) {
          const current = cases.get(due.caseId) as Case;
          const result = applyCaseAction(current, { ...due.action, revision: current.revision });
          if ('case' in result) await commit(result.case, result.events);
        }
      }),
    kpis: (from, to) => computeResponseKpis([...events.values()].flat(), { from, to }),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    idle: () => queue.then(() => undefined),
  };
}
