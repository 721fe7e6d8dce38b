import { describe, expect, it } from 'vitest';
import { Value } from '@sinclair/typebox/value';
import { AlertRuleSchema, type Condition } from '@cbo/contracts';
import { FEED_SILENT_RULE } from './feed-silent';
import { congestionRule } from './test-rules';
import { formatCondition, validateRule } from './validate-rule';

function errorsOf(input: unknown): string[] {
  const result = validateRule(input);
  return 'errors' in result ? result.errors : [];
}

describe('validateRule', () => {
  it('accepts a good rule and returns a copy that matches the contract schema', () => {
    const result = validateRule(congestionRule());
    expect('rule' in result && Value.Check(AlertRuleSchema, result.rule)).toBe(true);
  });

  it('accepts the built-in feed-silent rule', () => {
    expect(validateRule(FEED_SILENT_RULE)).toEqual({ rule: FEED_SILENT_RULE });
  });

  it('accepts a clear condition that is the exact complement of the fire condition', () => {
    const rule = congestionRule({ clearWhen: { metric: 'tti', op: '<', value: 2 } });
    expect('rule' in validateRule(rule)).toBe(true);
  });

  it('names an unknown metric for the domain and lists the known ones', () => {
    const errors = errorsOf(congestionRule({ when: { metric: 'ttl', op: '>=', value: 2 } }));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^when\.metric: unknown metric 'ttl' for domain 'traffic' \(known: tti, tpi/);
  });

  it('names a metric the target does not carry', () => {
    const rule = congestionRule({
      when: {
        all: [
          { metric: 'tti', op: '>=', value: 2 },
          { metric: 'coverage', op: '>=', value: 0.5 },
        ],
      },
    });
    expect(errorsOf(rule)).toEqual([
      "when.all[1].metric: 'coverage' is not measured on a segment (only: district, network)",
    ]);
  });

  it('explains a clear condition that overlaps the fire condition with a value where both hold', () => {
    const errors = errorsOf(congestionRule({ clearWhen: { metric: 'tti', op: '<', value: 2.5 } }));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('clearWhen: overlaps the fire condition (at tti = 2.25 both hold)');
  });

  it('explains a clear condition that can never hold within the metric range', () => {
    const errors = errorsOf(congestionRule({ clearWhen: { metric: 'tti', op: '<', value: 0.5 } }));
    expect(errors).toEqual(['clearWhen: can never be true, so the alert could never clear']);
  });

  it('explains a fire condition that contradicts itself', () => {
    const when: Condition = {
      all: [
        { metric: 'tti', op: '>', value: 3 },
        { metric: 'tti', op: '<', value: 2 },
      ],
    };
    const errors = errorsOf(congestionRule({ when, clearWhen: { metric: 'tti', op: '<', value: 1.5 } }));
    expect(errors).toContain('when: can never be true (check the values against the metric ranges)');
  });

  it('rejects negative and fractional durations', () => {
    expect(errorsOf(congestionRule({ forMs: -1, clearForMs: 1.5 }))).toEqual([
      'forMs: must not be negative, got -1',
      'clearForMs: must be a whole number of milliseconds, got 1.5',
    ]);
  });

  it('rejects a dedupe key with an unknown placeholder or without the entity', () => {
    expect(errorsOf(congestionRule({ dedupeKey: '{rule}:{segment}' }))).toEqual([
      'dedupeKey: unknown placeholder(s) {segment}; use rule kind domain target entity',
      'dedupeKey: must contain {entity}, or every entity shares one alert',
    ]);
  });

  it('rejects a target outside the domain', () => {
    // Other domains add targets and metrics to the catalogue: match the lists by their start only.
    const errors = errorsOf(congestionRule({ domain: 'river' }));
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(
      /^target: a river rule watches gauge, station, district(, [\w-]+)*, not segment$/,
    );
    expect(errors[1]).toMatch(
      /^when\.metric: unknown metric 'tti' for domain 'river' \(known: levelM, warningMarginM, [\w, ]+\)$/,
    );
    expect(errors[2]).toMatch(
      /^clearWhen\.metric: unknown metric 'tti' for domain 'river' \(known: levelM, /,
    );
  });

  it('rejects bad operators, values, severities and unknown fields', () => {
    const input = {
      ...congestionRule(),
      severity: 'purple',
      extra: 1,
      when: { metric: 'tti', op: '=>', value: '2' },
    };
    expect(errorsOf(input)).toEqual([
      'extra: unknown field',
      'when.op: must be one of > >= < <= == !=, got "=>"',
      'when.value: must be a finite number, got "2"',
      'severity: must be one of blue, yellow, orange, red, got "purple"',
    ]);
  });

  it('rejects an empty combinator', () => {
    expect(errorsOf(congestionRule({ when: { any: [] } }))).toEqual([
      'when.any: must be a list of 1 to 16 conditions',
    ]);
  });

  it('rejects something that is not an object', () => {
    expect(errorsOf('tti > 2')).toEqual(['rule: must be an object, got "tti > 2"']);
  });
});

describe('formatCondition', () => {
  it('writes a nested condition on one line', () => {
    const c: Condition = {
      any: [{ metric: 'tti', op: '>=', value: 2 }, { all: [{ metric: 'level', op: '==', value: 5 }] }],
    };
    expect(formatCondition(c)).toBe('any(tti >= 2, all(level == 5))');
  });
});
