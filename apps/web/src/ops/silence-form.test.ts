import { describe, expect, it } from 'vitest';
import type { Silence } from '@cbo/contracts';
import { checkSilenceDraft, partitionSilences, type SilenceDraft } from './silence-form';

const NOW = Date.parse('2026-03-02T10:00');

const draft = (overrides: Partial<SilenceDraft> = {}): SilenceDraft => ({
  matchers: [{ field: 'entity', op: '=', value: ' seg-1 ' }],
  startsAt: '2026-03-02T10:00',
  endsAt: '2026-03-02T12:00',
  reason: 'road works',
  ...overrides,
});

describe('checkSilenceDraft', () => {
  it('turns a complete draft into the request, values trimmed, times as epoch ms', () => {
    expect(checkSilenceDraft(draft(), NOW)).toEqual({
      request: {
        matchers: [{ field: 'entity', op: '=', value: 'seg-1' }],
        startsAt: NOW,
        endsAt: NOW + 7_200_000,
        comment: 'road works',
      },
    });
  });

  it('names every problem: no matcher, no reason, end before start', () => {
    const result = checkSilenceDraft(draft({ matchers: [], reason: ' ', endsAt: '2026-03-02T09:00' }), NOW);
    expect(result).toEqual({
      problems: [
        { key: 'silences.error.noMatcher' },
        { key: 'silences.error.endBeforeStart' },
        { key: 'silences.error.noReason' },
      ],
    });
  });

  it('points at the matcher row with an empty value', () => {
    const matchers = [
      { field: 'rule', op: '=', value: 'seg-congestion' },
      { field: 'entity', op: 'prefix', value: '' },
    ] as const;
    expect(checkSilenceDraft(draft({ matchers: [...matchers] }), NOW)).toEqual({
      problems: [{ key: 'silences.error.emptyValue', row: 1 }],
    });
  });

  it('refuses a window that has already ended, and an unreadable time', () => {
    const ended = draft({ startsAt: '2026-03-02T08:00', endsAt: '2026-03-02T09:00' });
    expect([checkSilenceDraft(ended, NOW), checkSilenceDraft(draft({ endsAt: '' }), NOW)]).toEqual([
      { problems: [{ key: 'silences.error.endPassed' }] },
      { problems: [{ key: 'silences.error.badTime' }] },
    ]);
  });
});

describe('partitionSilences', () => {
  const silence = (id: string, startsAt: number, endsAt: number): Silence => ({
    id,
    matchers: [{ field: 'entity', op: '=', value: 's1' }],
    startsAt,
    endsAt,
    createdBy: 'officer',
    comment: '',
  });

  it('splits active from scheduled and leaves ended ones out', () => {
    const result = partitionSilences([silence('later', 200, 300), silence('ended', 0, 100), silence('now', 50, 150)], 100); // prettier-ignore
    expect([result.active.map((s) => s.id), result.scheduled.map((s) => s.id)]).toEqual([['now'], ['later']]);
  });
});
