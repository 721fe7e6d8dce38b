import { describe, expect, it } from 'vitest';
import { CASE_ACTION_TYPES, CASE_STATUSES, type CaseActionType, type CaseStatus } from '@cbo/contracts';
import { allowedActions, applyCaseAction } from './case-machine';
import { actionFor, drive, newCase } from './test-cases';

/** Actions that bring a new case to each status. */
const PATHS: Record<CaseStatus, readonly CaseActionType[]> = {
  detected: [],
  filed: ['file'],
  dispatched: ['file', 'dispatch'],
  handling: ['file', 'dispatch', 'start'],
  reported: ['file', 'dispatch', 'start', 'report'],
  verified: ['file', 'dispatch', 'start', 'report', 'verify'],
  closed: ['file', 'dispatch', 'start', 'report', 'verify', 'close'],
  'auto-resolved': ['auto-resolve'],
  dismissed: ['dismiss'],
};

/** The lifecycle, written out by hand: status -> legal action -> resulting status. Anything else is illegal. */
const LEGAL: Record<CaseStatus, Partial<Record<CaseActionType, CaseStatus>>> = {
  detected: { file: 'filed', 'auto-resolve': 'auto-resolved', dismiss: 'dismissed', comment: 'detected', 'attach-alert': 'detected' }, // prettier-ignore
  filed: { dispatch: 'dispatched', dismiss: 'dismissed', comment: 'filed', 'attach-alert': 'filed' },
  dispatched: { dispatch: 'dispatched', start: 'handling', dismiss: 'dismissed', comment: 'dispatched', escalate: 'dispatched', 'attach-alert': 'dispatched' }, // prettier-ignore
  handling: { report: 'reported', dismiss: 'dismissed', comment: 'handling', escalate: 'handling', 'attach-alert': 'handling' }, // prettier-ignore
  reported: { verify: 'verified', reject: 'handling', dismiss: 'dismissed', comment: 'reported' },
  verified: { close: 'closed', dismiss: 'dismissed', comment: 'verified' },
  closed: { comment: 'closed' },
  'auto-resolved': { comment: 'auto-resolved' },
  dismissed: { comment: 'dismissed' },
};

const cells = CASE_STATUSES.flatMap((status) => CASE_ACTION_TYPES.map((type) => [status, type] as const));

describe('applyCaseAction: every status and action', () => {
  it.each(cells)('%s + %s', (status, type) => {
    const start = drive(newCase(), PATHS[status]);
    expect(start.case.status).toBe(status);
    const at = 3_600_000;
    const result = applyCaseAction(start.case, actionFor(start.case, type, at));
    const expected = LEGAL[status][type];
    if (expected === undefined) {
      expect('error' in result && result.error.code).toBe('illegal-transition');
      if (!('error' in result)) return;
      expect(result.error.message).toContain(`cannot ${type} a case that is ${status}`);
      expect([...result.error.allowed].sort()).toEqual(Object.keys(LEGAL[status]).sort());
      expect(result.error.case).toBe(start.case);
    } else {
      if ('error' in result) throw new Error(result.error.message);
      expect(result.case.status).toBe(expected);
      expect(result.case.revision).toBe(start.case.revision + 1);
      expect(result.events).toEqual([
        expect.objectContaining({ caseId: 'c1', action: type, actor: 'officer-1', at, comment: `${type} note`, from: status, to: expected, revision: start.case.revision + 1 }), // prettier-ignore
      ]);
    }
  });
});

describe('allowedActions', () => {
  it('lists no forward move from a terminal status, only comments', () => {
    expect(allowedActions('closed')).toEqual(['comment']);
  });
});

describe('applyCaseAction: concurrency', () => {
  it('gives the second of two officers acting on one revision a conflict with the current case', () => {
    const seen = newCase().case;
    const first = applyCaseAction(seen, actionFor(seen, 'file', 1000, { actor: 'officer-a' }));
    if ('error' in first) throw new Error(first.error.message);
    const second = applyCaseAction(first.case, actionFor(seen, 'dismiss', 1500, { actor: 'officer-b' }));
    expect('error' in second && second.error).toMatchObject({
      code: 'conflict',
      status: 'filed',
      message: 'case c1 changed: you acted on revision 0, it is now revision 1 (filed); reload and try again',
      case: first.case,
    });
  });
});

describe('applyCaseAction: payloads and effects', () => {
  it('starts the SLA timer on dispatch and records unit and due time on the event', () => {
    const { case: c, events } = drive(newCase(), ['file', 'dispatch']);
    expect([c.unitId, c.dispatchedAt, c.dueAt]).toEqual(['brigade-west', 120_000, 720_000]);
    expect(events[2]).toMatchObject({ action: 'dispatch', unitId: 'brigade-west', dueAt: 720_000 });
  });

  it.each([
    ['dispatch', ['file'], { unitId: undefined }, 'dispatch needs unitId and slaMs'],
    ['dismiss', [], { reason: undefined }, 'dismiss needs a reason'],
    ['report', ['file', 'dispatch', 'start'], { result: undefined }, 'report needs a result'],
    ['reject', ['file', 'dispatch', 'start', 'report'], { comment: undefined }, 'reject needs a comment saying what is wrong'], // prettier-ignore
    ['escalate', ['file', 'dispatch'], { level: 0 }, 'escalate needs a level above the current 0'],
  ] as const)('refuses %s without its payload', (type, path, extra, message) => {
    const c = drive(newCase(), path).case;
    const result = applyCaseAction(c, actionFor(c, type, 3_600_000, extra));
    expect('error' in result && [result.error.code, result.error.message]).toEqual([
      'invalid-action',
      message,
    ]);
  });

  it('refuses an action dated before the last change', () => {
    const c = drive(newCase(), ['file']).case;
    const result = applyCaseAction(c, actionFor(c, 'dispatch', 59_999));
    expect('error' in result && result.error.message).toBe(
      'action time 59999 is before the last change 60000',
    );
  });

  it('raises the case severity when a more severe alert is attached', () => {
    const c = drive(newCase(), ['attach-alert']).case;
    expect([c.severity, c.alerts.map((a) => a.entityId)]).toEqual(['red', ['s1', 's2']]);
  });

  it('updates the severity of an attached alert that escalated, and of the case with it', () => {
    const start = newCase();
    const result = applyCaseAction(
      start.case,
      actionFor(start.case, 'attach-alert', 60_000, {
        alert: { key: 'congestion:c1-s1', target: 'segment', entityId: 's1', severity: 'red' },
      }),
    );
    const c = 'case' in result ? result.case : null;
    expect([c?.severity, c?.alerts.length]).toEqual(['red', 1]);
  });

  it('refuses to attach an alert that is already attached at the same severity', () => {
    const start = newCase();
    const same = { key: 'congestion:c1-s1', target: 'segment', entityId: 's1', severity: 'yellow' } as const;
    const result = applyCaseAction(
      start.case,
      actionFor(start.case, 'attach-alert', 60_000, { alert: same }),
    );
    expect('error' in result && result.error.code).toBe('invalid-action');
  });

  it('clears the reported time when verification rejects the result', () => {
    const c = drive(newCase(), ['file', 'dispatch', 'start', 'report', 'reject']).case;
    expect([c.status, c.reportedAt, c.result]).toEqual(['handling', null, 'cleared the breakdown']);
  });
});
