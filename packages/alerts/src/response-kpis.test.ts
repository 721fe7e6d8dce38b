import { describe, expect, it } from 'vitest';
import type { CaseActionType, CaseEvent } from '@cbo/contracts';
import { computeResponseKpis } from './response-kpis';
import { applyCaseAction } from './case-machine';
import { actionFor, newCase } from './test-cases';

const S = 1000;

/** A case opened at `openS` with actions at the given seconds; returns its events. */
function history(
  id: string,
  openS: number,
  steps: readonly [CaseActionType, number, number?][],
): CaseEvent[] {
  let { case: c, events } = newCase(id, openS * S);
  events = [...events];
  for (const [type, atS, slaS] of steps) {
    const extra = slaS === undefined ? {} : { slaMs: slaS * S };
    const result = applyCaseAction(c, actionFor(c, type, atS * S, extra));
    if ('error' in result) throw new Error(result.error.message);
    c = result.case;
    events.push(...result.events);
  }
  return events;
}

// Hand-worked: acknowledge 60, 300, 30 s; close 800, 1000 s; SLA met by c1 (report 600 <= due 720), not c2.
const EVENTS: CaseEvent[] = [
  ...history('c1', 0, [['file', 60], ['dispatch', 120, 600], ['start', 180], ['report', 600], ['verify', 700], ['close', 800]]), // prettier-ignore
  ...history('c2', 1000, [['file', 1300], ['dispatch', 1400, 300], ['start', 1500], ['report', 1800], ['verify', 1900], ['close', 2000]]), // prettier-ignore
  ...history('c3', 3000, [['file', 3030]]),
  ...history('c4', 4000, [['auto-resolve', 4100]]),
  ...history('c5', 5000, [['dismiss', 5010]]),
].reverse();

describe('computeResponseKpis', () => {
  it('computes time to acknowledge over filed cases', () => {
    expect(computeResponseKpis(EVENTS).timeToAcknowledge).toEqual({
      count: 3,
      meanMs: 130 * S,
      medianMs: 60 * S,
      p90Ms: 300 * S,
    });
  });

  it('computes time to close over closed cases', () => {
    expect(computeResponseKpis(EVENTS).timeToClose).toEqual({
      count: 2,
      meanMs: 900 * S,
      medianMs: 900 * S,
      p90Ms: 1000 * S,
    });
  });

  it('computes the share closed within SLA', () => {
    expect(computeResponseKpis(EVENTS).withinSla).toEqual({ eligible: 2, met: 1, share: 0.5 });
  });

  it('counts cases by their current status', () => {
    const kpis = computeResponseKpis(EVENTS);
    expect(kpis.cases).toBe(5);
    expect(kpis.byStatus).toEqual({
      detected: 0, filed: 1, dispatched: 0, handling: 0, reported: 0, verified: 0,
      closed: 2, 'auto-resolved': 1, dismissed: 1,
    }); // prettier-ignore
  });

  it('counts only cases opened inside the window', () => {
    const kpis = computeResponseKpis(EVENTS, { from: 1000 * S, to: 4000 * S });
    expect([kpis.cases, kpis.timeToAcknowledge.count, kpis.withinSla.eligible]).toEqual([2, 2, 1]);
  });

  it('gives nulls, not zeros, when there is nothing to measure', () => {
    const kpis = computeResponseKpis([]);
    expect([kpis.timeToClose.meanMs, kpis.withinSla.share]).toEqual([null, null]);
  });
});
