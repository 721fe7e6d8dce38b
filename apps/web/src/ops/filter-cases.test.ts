import { describe, expect, it } from 'vitest';
import type { Case, CityDocument } from '@cbo/contracts';
import { DEFAULT_FILTERS, filterCases } from './filter-cases';

const city = {
  districts: [{ id: 'xihu' }, { id: 'binjiang' }],
  segments: [
    { id: 's1', districtId: 'xihu' },
    { id: 's2', districtId: 'binjiang' },
  ],
} as unknown as CityDocument;

const make = (id: string, over: Partial<Case>): Case => ({
  id, revision: 0, status: 'detected', kind: 'congestion', domain: 'traffic', severity: 'yellow',
  alerts: [{ key: `k-${id}`, target: 'segment', entityId: 's1', severity: 'yellow' }], detectedAt: 0, updatedAt: 0,
  unitId: null, dispatchedAt: null, dueAt: null, reportedAt: null, escalationLevel: 0, result: null, dismissReason: null,
  ...over,
}); // prettier-ignore

describe('filterCases', () => {
  const cases = [
    make('a', { detectedAt: 1 }),
    make('b', { severity: 'red', detectedAt: 0 }),
    make('c', { status: 'closed' }),
    make('d', {
      alerts: [{ key: 'k-d', target: 'segment', entityId: 's2', severity: 'yellow' }],
      detectedAt: 2,
    }),
  ];

  it('keeps open cases by default, most severe first, then newest', () => {
    expect(filterCases(cases, DEFAULT_FILTERS, city).map((c) => c.id)).toEqual(['b', 'd', 'a']);
  });

  it('filters by the district of the case’s segments', () => {
    expect(filterCases(cases, { ...DEFAULT_FILTERS, district: 'binjiang' }, city).map((c) => c.id)).toEqual([
      'd',
    ]);
  });

  it('filters by severity and by an exact status', () => {
    const red = filterCases(cases, { ...DEFAULT_FILTERS, severity: 'red' }, city).map((c) => c.id);
    const closed = filterCases(cases, { ...DEFAULT_FILTERS, status: 'closed' }, city).map((c) => c.id);
    expect([red, closed]).toEqual([['b'], ['c']]);
  });
});
