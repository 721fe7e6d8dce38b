import { describe, expect, it } from 'vitest';
import type { Case, CityDocument } from '@cbo/contracts';
import { describeCaseLocation } from './case-labels';

const CITY = { districts: [], segments: [] } as unknown as CityDocument;

function caseOf(kind: string, target: Case['alerts'][number]['target'], entityId: string): Case {
  return {
    id: 'C1',
    revision: 0,
    status: 'detected',
    kind,
    domain: 'bikes',
    severity: 'yellow',
    alerts: [{ key: `${kind}:${entityId}`, target, entityId, severity: 'yellow' }],
    detectedAt: 0,
    updatedAt: 0,
    unitId: null,
    dispatchedAt: null,
    dueAt: null,
    reportedAt: null,
    escalationLevel: 0,
    result: null,
    dismissReason: null,
  };
}

describe('describeCaseLocation', () => {
  it('names the kind of case before an entity that is neither a segment nor a district', () => {
    const c = caseOf('bike-over-quota', 'operator', 'hupan');
    expect(describeCaseLocation(c, CITY, 'zh-CN')).toBe('企业超额投放 · hupan');
    expect(describeCaseLocation(c, CITY, 'en')).toBe('Operator over quota · hupan');
  });

  it('keeps an unknown kind as it is', () => {
    expect(describeCaseLocation(caseOf('made-up', 'gauge', 'g1'), CITY, 'en')).toBe('made-up · g1');
  });

  it('names the whole network', () => {
    expect(describeCaseLocation(caseOf('congestion', 'network', 'network'), CITY, 'zh-CN')).toBe('全路网');
  });
});
