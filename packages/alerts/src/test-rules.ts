import type { AlertRule, EpochMs } from '@cbo/contracts';
import type { EvaluationInput } from './rule-engine';

/** A valid congestion rule for tests: segment TTI >= 2 for 60 s fires yellow; TTI < 1.5 for 60 s clears. */
export function congestionRule(overrides: Partial<AlertRule> = {}): AlertRule {
  return {
    id: 'seg-congestion',
    version: 1,
    name: { zh: '路段拥堵', en: 'Segment congestion' },
    domain: 'traffic',
    target: 'segment',
    when: { metric: 'tti', op: '>=', value: 2 },
    forMs: 60_000,
    clearWhen: { metric: 'tti', op: '<', value: 1.5 },
    clearForMs: 60_000,
    severity: 'yellow',
    dedupeKey: '{rule}:{entity}',
    groupAdjacent: true,
    enabled: true,
    ...overrides,
  };
}

/** Input with one segment's TTI reading. */
export function segmentTti(id: string, tti: number, at: EpochMs, fresh = true): EvaluationInput {
  return { entities: { segment: [{ id, metrics: { tti: { value: tti, observedAt: at, fresh } } }] } };
}
