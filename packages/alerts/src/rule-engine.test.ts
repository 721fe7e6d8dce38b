import { describe, expect, it } from 'vitest';
import type { AlertEvent, AlertRule, Silence } from '@cbo/contracts';
import {
  activeAlerts,
  createRuleEngine,
  evaluate,
  RuleEngineError,
  type EvaluationInput,
} from './rule-engine';
import { congestionRule, segmentTti } from './test-rules';

type Step = readonly [atMs: number, input: EvaluationInput];

/** Run steps through a fresh engine; return every event as `type@seconds`. */
function run(rules: readonly AlertRule[], steps: readonly Step[]): string[] {
  let engine = createRuleEngine(rules, { builtins: false });
  const out: string[] = [];
  for (const [at, input] of steps) {
    const result = evaluate(engine, input, at);
    engine = result.engine;
    out.push(...result.events.map((e) => `${e.type}@${e.at / 1000}`));
  }
  return out;
}

/** One step per `everyS` seconds from 0 with the given TTI values on segment s1. */
const series = (values: readonly number[], everyS = 10, fromS = 0): Step[] =>
  values.map((tti, i) => [(fromS + i * everyS) * 1000, segmentTti('s1', tti, (fromS + i * everyS) * 1000)]);

describe('evaluate: fire duration', () => {
  it('does not fire before the for-duration is met', () => {
    expect(run([congestionRule()], series([2.5, 2.5], 59))).toEqual([]);
  });

  it('fires when the for-duration is exactly met', () => {
    expect(run([congestionRule()], series([2.5, 2.5], 60))).toEqual(['raised@60']);
  });

  it('fires at once with a zero for-duration', () => {
    expect(run([congestionRule({ forMs: 0 })], series([2.5]))).toEqual(['raised@0']);
  });

  it('restarts the pending time when the condition lapses', () => {
    expect(run([congestionRule()], series([2.5, 2.5, 2.5, 1.9, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5]))).toEqual([
      'raised@100',
    ]);
  });

  it('does not fire on input flapping around the fire threshold', () => {
    expect(run([congestionRule()], series([2.1, 1.9, 2.1, 1.9, 2.1, 1.9, 2.1, 1.9, 2.1, 1.9]))).toEqual([]);
  });

  it('does not start pending on stale input', () => {
    const steps: Step[] = [0, 30, 60, 90].map((s) => [s * 1000, segmentTti('s1', 3, 0, false)]);
    expect(run([congestionRule()], steps)).toEqual([]);
  });
});

describe('evaluate: hysteresis', () => {
  it('keeps a firing alert while the input flaps between the clear and fire thresholds', () => {
    const values = [2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 1.9, 2.1, 1.6, 2.3, 1.7, 1.9, 1.6, 1.8, 1.6, 1.7];
    expect(run([congestionRule()], series(values))).toEqual(['raised@60']);
  });

  it('does not clear while the input flaps around the clear threshold', () => {
    const values = [2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 1.4, 1.4, 1.4, 1.6, 1.4, 1.4, 1.4, 1.4, 1.4, 1.6, 1.4];
    expect(run([congestionRule()], series(values))).toEqual(['raised@60']);
  });

  it('resolves once the clear condition has held for the clear-for duration', () => {
    const values = [2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 1.4, 1.4, 1.4, 1.4, 1.4, 1.4, 1.4, 1.4];
    expect(run([congestionRule()], series(values))).toEqual(['raised@60', 'resolved@130']);
  });
});

describe('evaluate: stale inputs', () => {
  const firing = series([2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5]);

  it('makes a firing alert uncertain, not cleared, however long the input stays stale', () => {
    const stale: Step[] = [70, 600, 3600].map((s) => [s * 1000, segmentTti('s1', 1.0, 60_000, false)]);
    expect(run([congestionRule()], [...firing, ...stale])).toEqual(['raised@60', 'uncertain@70']);
  });

  it('treats an entity missing from the input as stale', () => {
    expect(run([congestionRule()], [...firing, [70_000, {}], [3_600_000, {}]])).toEqual([
      'raised@60',
      'uncertain@70',
    ]);
  });

  it('recovers certainty on fresh input and restarts the clear timer from then', () => {
    const stale: Step[] = [
      [70_000, segmentTti('s1', 1.4, 60_000, false)],
      [80_000, segmentTti('s1', 1.4, 60_000, false)],
    ];
    const fresh = series([1.4, 1.4, 1.4, 1.4, 1.4, 1.4, 1.4], 10, 90);
    expect(run([congestionRule()], [...firing, ...stale, ...fresh])).toEqual([
      'raised@60',
      'uncertain@70',
      'recovered-certainty@90',
      'resolved@150',
    ]);
  });
});

describe('evaluate: silences', () => {
  const silence = (overrides: Partial<Silence> = {}): Silence => ({
    id: 'works-1',
    matchers: [{ field: 'entity', op: '=', value: 's1' }],
    startsAt: 0,
    endsAt: 120_000,
    createdBy: 'officer-1',
    comment: 'road works',
    ...overrides,
  });
  const withSilence = (steps: Step[], s: Silence): Step[] =>
    steps.map(([at, input]) => [at, { ...input, silences: [s] }]);

  it('suppresses a matching alert during the window and raises it when the window ends', () => {
    const steps = withSilence(
      series([2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5]),
      silence(),
    );
    expect(run([congestionRule()], steps)).toEqual(['raised@120']);
  });

  it('does not suppress an alert the matchers do not match', () => {
    const steps = withSilence(series([2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5]), silence({ matchers: [{ field: 'entity', op: '=', value: 's2' }] })); // prettier-ignore
    expect(run([congestionRule()], steps)).toEqual(['raised@60']);
  });

  it('still reports the resolution of an alert raised before the silence began', () => {
    const values = [2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 1.4, 1.4, 1.4, 1.4, 1.4, 1.4, 1.4];
    const steps = withSilence(series(values), silence({ startsAt: 65_000, endsAt: 1_000_000 }));
    expect(run([congestionRule()], steps)).toEqual(['raised@60', 'resolved@130']);
  });

  it('lists a silenced firing alert as active and silenced', () => {
    let engine = createRuleEngine([congestionRule({ forMs: 0 })], { builtins: false });
    engine = evaluate(engine, { ...segmentTti('s1', 3, 0), silences: [silence()] }, 0).engine;
    expect(activeAlerts(engine).map((a) => [a.key, a.silenced])).toEqual([['seg-congestion:s1', true]]);
  });
});

describe('evaluate: feeds going quiet', () => {
  const feed = (lastReceivedAt: number | null) => ({
    feeds: [{ feed: 'sim', lastReceivedAt, silentAfterMs: 120_000 }],
  });

  it('raises the built-in feed-silent alert when a feed has been quiet for its threshold, and resolves on data', () => {
    let engine = createRuleEngine([]);
    const events: AlertEvent[] = [];
    for (const [at, last] of [
      [119_999, 0],
      [120_000, 0],
      [130_000, 125_000],
    ] as const) {
      const result = evaluate(engine, feed(last), at);
      engine = result.engine;
      events.push(...result.events);
    }
    expect(events.map((e) => [e.type, e.at, e.key, e.severity])).toEqual([
      ['raised', 120_000, 'feed-silent:sim', 'orange'],
      ['resolved', 130_000, 'feed-silent:sim', 'orange'],
    ]);
  });

  it('does not judge a feed that never sent and has no watch start', () => {
    const { events } = evaluate(createRuleEngine([]), feed(null), 10_000_000);
    expect(events).toEqual([]);
  });
});

describe('evaluate: dedupe keys and severity', () => {
  const yellow = congestionRule({ id: 'cong-yellow', kind: 'congestion', dedupeKey: '{kind}:{entity}', forMs: 0, clearForMs: 0 }); // prettier-ignore
  const red = congestionRule({
    id: 'cong-red', kind: 'congestion', dedupeKey: '{kind}:{entity}', forMs: 0, clearForMs: 0, severity: 'red',
    when: { metric: 'tti', op: '>=', value: 3 }, clearWhen: { metric: 'tti', op: '<', value: 2.5 },
  }); // prettier-ignore

  it('merges rules of one key into one alert that escalates and de-escalates', () => {
    let engine = createRuleEngine([yellow, red], { builtins: false });
    const events: AlertEvent[] = [];
    for (const [s, tti] of [
      [0, 2.2],
      [10, 3.2],
      [20, 2.2],
      [30, 1.2],
    ] as const) {
      const result = evaluate(engine, segmentTti('s1', tti, s * 1000), s * 1000);
      engine = result.engine;
      events.push(...result.events);
    }
    expect(events.map((e) => [e.type, e.at / 1000, e.key, e.severity, e.previousSeverity])).toEqual([
      ['raised', 0, 'congestion:s1', 'yellow', undefined],
      ['escalated', 10, 'congestion:s1', 'red', 'yellow'],
      ['deescalated', 20, 'congestion:s1', 'yellow', 'red'],
      ['resolved', 30, 'congestion:s1', 'yellow', undefined],
    ]);
  });
});

describe('evaluate: state and rule changes', () => {
  it('continues identically from a JSON round trip of its state', () => {
    const steps = series([2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 1.4, 1.4, 1.4, 1.4, 1.4, 1.4, 1.4]);
    const rules = [congestionRule()];
    let engine = createRuleEngine(rules, { builtins: false });
    const events: string[] = [];
    steps.forEach(([at, input], i) => {
      if (i % 3 === 0) {
        const saved = JSON.parse(JSON.stringify(engine.state));
        engine = createRuleEngine(rules, { builtins: false, state: saved });
      }
      const result = evaluate(engine, input, at);
      engine = result.engine;
      events.push(...result.events.map((e) => `${e.type}@${e.at / 1000}`));
    });
    expect(events).toEqual(run(rules, steps));
  });

  it('resolves the alerts of a rule that is disabled, with reason rule-removed', () => {
    const rule = congestionRule({ forMs: 0 });
    const first = evaluate(createRuleEngine([rule], { builtins: false }), segmentTti('s1', 3, 0), 0);
    const disabled = createRuleEngine([{ ...rule, enabled: false }], {
      builtins: false,
      state: first.engine.state,
    });
    const { events } = evaluate(disabled, segmentTti('s1', 3, 10_000), 10_000);
    expect(events.map((e) => [e.type, e.reason])).toEqual([['resolved', 'rule-removed']]);
  });

  it('refuses an invalid rule or a repeated id', () => {
    expect(() => createRuleEngine([congestionRule({ forMs: -5 })])).toThrow(RuleEngineError);
    expect(() => createRuleEngine([congestionRule(), congestionRule()])).toThrow(/id used twice/);
  });
});
