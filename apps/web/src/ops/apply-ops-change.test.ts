import { describe, expect, it } from 'vitest';
import type { AlertEvent, Case, CaseChanged, OpsSnapshot } from '@cbo/contracts';
import { applyAlertEvents, applyCaseChange, applyCaseChangeToDetail } from './apply-ops-change';

const baseCase: Case = {
  id: 'c1', revision: 0, status: 'detected', kind: 'congestion', domain: 'traffic', severity: 'yellow',
  alerts: [], detectedAt: 0, updatedAt: 0, unitId: null, dispatchedAt: null, dueAt: null, reportedAt: null,
  escalationLevel: 0, result: null, dismissReason: null,
}; // prettier-ignore
const emptyKpis = {
  cases: 0,
  byStatus: {} as OpsSnapshot['kpis']['byStatus'],
  timeToAcknowledge: { count: 0, meanMs: null, medianMs: null, p90Ms: null },
  timeToClose: { count: 0, meanMs: null, medianMs: null, p90Ms: null },
  withinSla: { eligible: 0, met: 0, share: null },
};
const snapshot = (cases: Case[]): OpsSnapshot => ({ at: 0, cases, alerts: [], kpis: emptyKpis });
const filed: CaseChanged = {
  case: { ...baseCase, revision: 1, status: 'filed', updatedAt: 60_000 },
  events: [
    {
      caseId: 'c1',
      revision: 1,
      action: 'file',
      actor: 'Li',
      at: 60_000,
      comment: '',
      from: 'detected',
      to: 'filed',
    },
  ],
};

describe('applyCaseChange', () => {
  it('replaces a case with its newer revision', () => {
    expect(applyCaseChange(snapshot([baseCase]), filed).cases.map((c) => c.status)).toEqual(['filed']);
  });

  it('ignores a change older than the case it holds (a replay after recovery)', () => {
    const held = snapshot([filed.case]);
    expect(applyCaseChange(held, { case: baseCase, events: [] })).toBe(held);
  });

  it('puts a new case first', () => {
    const other = { ...baseCase, id: 'c0' };
    expect(applyCaseChange(snapshot([other]), filed).cases.map((c) => c.id)).toEqual(['c1', 'c0']);
  });
});

describe('applyCaseChangeToDetail', () => {
  it('appends the new events to the timeline', () => {
    const detail = applyCaseChangeToDetail({ case: baseCase, events: [] }, filed);
    expect(detail.events.map((e) => e.action)).toEqual(['file']);
  });
});

describe('applyAlertEvents', () => {
  const event = (type: AlertEvent['type'], severity: AlertEvent['severity']): AlertEvent => ({
    type, at: 0, key: 'congestion:s1', kind: 'congestion', domain: 'traffic', target: 'segment', entityId: 's1',
    ruleId: 'r', ruleVersion: 1, severity, groupAdjacent: true, firingSince: 0,
  }); // prettier-ignore

  it('adds a raised alert, updates an escalated one and removes a resolved one', () => {
    const raised = applyAlertEvents([], [event('raised', 'yellow')]);
    const escalated = applyAlertEvents(raised, [event('escalated', 'red')]);
    const resolved = applyAlertEvents(escalated, [event('resolved', 'red')]);
    expect([raised[0]?.severity, escalated[0]?.severity, resolved.length]).toEqual(['yellow', 'red', 0]);
  });
});
