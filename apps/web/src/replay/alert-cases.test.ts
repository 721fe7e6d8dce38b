import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '@cbo/contracts';
import { alertMarks } from './alert-cases';

const raised = (seq: number, at: number, key: string): HistoryEvent => ({
  seq,
  at,
  stream: 'alert',
  kind: 'raised',
  payload: { key, entityId: `e-${key}`, severity: 'orange', kind: 'congestion' },
});
const caseEvent = (
  seq: number,
  at: number,
  kind: string,
  caseId: string,
  alertKey?: string,
): HistoryEvent => ({
  seq,
  at,
  stream: 'case',
  kind,
  payload: { caseId, ...(alertKey ? { alertKey } : {}) },
});

describe('alertMarks', () => {
  it('pairs the cases opened at an instant with the alerts raised then, in order', () => {
    const marks = alertMarks([
      raised(1, 100, 'a'),
      raised(2, 100, 'b'),
      caseEvent(3, 100, 'open', 'C1'),
      caseEvent(4, 100, 'open', 'C2'),
    ]);
    expect(marks.map((m) => [m.key, m.caseId])).toEqual([
      ['a', 'C1'],
      ['b', 'C2'],
    ]);
  });

  it('gives an alert that joined a case that case, and no case to an alert without one', () => {
    const marks = alertMarks([
      raised(1, 100, 'a'),
      raised(2, 200, 'b'),
      caseEvent(3, 200, 'attach-alert', 'C7', 'b'),
    ]);
    expect(marks.map((m) => [m.key, m.caseId])).toEqual([
      ['a', null],
      ['b', 'C7'],
    ]);
  });
});
