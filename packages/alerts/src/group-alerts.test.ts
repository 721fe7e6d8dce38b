import { describe, expect, it } from 'vitest';
import type { AlertTarget } from '@cbo/contracts';
import { drive, newCase } from './test-cases';
import { findCaseForAlert, groupAlerts, type GroupableAlert } from './group-alerts';

// A corridor s1 - s2 - s3 and a lone s9.
const LINKS = new Set(['s1|s2', 's2|s3']);
const adjacent = (_t: AlertTarget, a: string, b: string): boolean =>
  LINKS.has(`${a}|${b}`) || LINKS.has(`${b}|${a}`);
const alert = (entityId: string, kind = 'congestion', groupAdjacent = true): GroupableAlert => ({
  key: `${kind}:${entityId}`,
  kind,
  target: 'segment',
  entityId,
  groupAdjacent,
});

describe('groupAlerts', () => {
  it('joins a corridor through adjacency, transitively, whatever the input order', () => {
    const groups = groupAlerts([alert('s1'), alert('s3'), alert('s9'), alert('s2')], adjacent);
    expect(groups.map((g) => g.alerts.map((a) => a.entityId))).toEqual([['s1', 's3', 's2'], ['s9']]);
  });

  it('keeps alerts of another kind apart even when adjacent', () => {
    const groups = groupAlerts([alert('s1'), alert('s2', 'incident')], adjacent);
    expect(groups.map((g) => [g.kind, g.alerts.length])).toEqual([
      ['congestion', 1],
      ['incident', 1],
    ]);
  });

  it('keeps an alert whose rule does not group on its own', () => {
    const groups = groupAlerts([alert('s1'), alert('s2', 'congestion', false)], adjacent);
    expect(groups).toHaveLength(2);
  });
});

describe('findCaseForAlert', () => {
  // newCase holds an alert on s1 of kind congestion.
  it('finds the open case holding an adjacent alert of the same kind', () => {
    const c = newCase().case;
    expect(findCaseForAlert([c], alert('s2'), adjacent)?.id).toBe('c1');
  });

  it('finds none for an entity that touches nothing', () => {
    expect(findCaseForAlert([newCase().case], alert('s9'), adjacent)).toBeNull();
  });

  it('finds none among cases past handling', () => {
    const reported = drive(newCase(), ['file', 'dispatch', 'start', 'report']).case;
    expect(findCaseForAlert([reported], alert('s2'), adjacent)).toBeNull();
  });
});
