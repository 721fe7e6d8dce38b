import { describe, expect, it } from 'vitest';
import type { AlertRule, Comparison, Condition } from '@cbo/contracts';
import {
  activeAlerts,
  createRuleEngine,
  evaluate,
  type EvaluationInput,
  type RuleEngine,
} from './rule-engine';
import { referenceEvaluate } from './reference-evaluate';
import { congestionRule, segmentTti } from './test-rules';

/** Park-Miller generator: the random scenarios are the same on every run. */
function generator(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 48271) % 2147483647;
    return s / 2147483647;
  };
}

const OPS: readonly Comparison['op'][] = ['>', '>=', '<', '<=', '==', '!='];

const OPPOSITE: Readonly<Record<Comparison['op'], [Comparison['op'], number]>> = {
  '>': ['<', -0.25],
  '>=': ['<', -0.25],
  '<': ['>', 0.25],
  '<=': ['>', 0.25],
  '==': ['!=', 0],
  '!=': ['==', 0],
};
const opposite = (c: Comparison): Comparison => {
  const [op, shift] = OPPOSITE[c.op];
  return { metric: c.metric, op, value: c.value + (c.metric === 'speedKmh' ? 40 * shift : shift) };
};

/** A random valid rule over segment tti / speedKmh, some sharing a dedupe key (kind). */
function randomRule(i: number, random: () => number): AlertRule {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const tti: Comparison = { metric: 'tti', op: pick(OPS), value: 1.5 + Math.floor(random() * 11) / 4 };
  const speed: Comparison = { metric: 'speedKmh', op: pick(['<', '>=']), value: 10 + 10 * Math.floor(random() * 4) }; // prettier-ignore
  const shapes: [Condition, Condition][] = [
    [tti, opposite(tti)],
    [{ all: [tti, speed] }, opposite(tti)],
    [{ any: [tti, speed] }, { all: [opposite(tti), opposite(speed)] }],
    [{ all: [{ any: [tti] }, speed] }, { any: [opposite(tti), opposite(speed)] }],
  ];
  const [when, clearWhen] = pick(shapes);
  return congestionRule({
    id: `r${i}`,
    kind: pick(['jam', 'slow']),
    when,
    clearWhen,
    forMs: pick([0, 20_000, 40_000]),
    clearForMs: pick([0, 20_000]),
    severity: pick(['blue', 'yellow', 'orange', 'red']),
    dedupeKey: pick(['{rule}:{entity}', '{kind}:{entity}']),
  });
}

function randomInput(random: () => number, at: number): EvaluationInput {
  const segment = [];
  for (let e = 0; e < 12; e++) {
    if (random() < 0.1) continue; // absent this tick
    const fresh = random() > 0.1;
    const metrics: Record<string, { value: number; observedAt: number; fresh: boolean }> = {
      tti: { value: 1 + Math.floor(random() * 16) / 4, observedAt: at, fresh },
    };
    if (random() > 0.1)
      metrics.speedKmh = { value: 5 * Math.floor(random() * 14), observedAt: at, fresh: true };
    segment.push({ id: `s${e}`, metrics });
  }
  return { entities: { segment } };
}

const sortedTracks = (engine: RuleEngine) =>
  [...engine.state.tracks].sort((a, b) =>
    `${a.ruleId}/${a.entityId}` < `${b.ruleId}/${b.entityId}` ? -1 : 1,
  );

describe('evaluate: indexed engine against the plain definition', () => {
  it.each([1, 2, 3, 4, 5, 6])('gives the same events, alerts and tracks on random scenario %i', (seed) => {
    const random = generator(seed * 7919);
    let rules = Array.from({ length: 14 }, (_, i) => randomRule(i, random)).filter(
      (r) => createRuleEngineSafe([r]) !== null,
    );
    expect(rules.length).toBeGreaterThan(8);
    let fast = createRuleEngine(rules, { builtins: false });
    let plain = fast;
    let eventCount = 0;
    for (let t = 0; t < 60; t++) {
      if (t === 30) {
        // A rule edit mid-run: one rule changed (new version), one disabled, one added; state carries over.
        const [first, second, ...rest] = rules;
        const edited = { ...(first as AlertRule), version: 2, when: { metric: 'tti', op: '>=', value: 1.5 } } as AlertRule; // prettier-ignore
        const candidate = [
          edited,
          { ...(second as AlertRule), enabled: false },
          ...rest,
          randomRule(99, random),
        ];
        rules = candidate.filter((r) => createRuleEngineSafe([r]) !== null);
        fast = createRuleEngine(rules, { builtins: false, state: fast.state });
        plain = createRuleEngine(rules, { builtins: false, state: plain.state });
      }
      const at = t * 10_000;
      const input = randomInput(random, at);
      const a = evaluate(fast, input, at);
      const b = referenceEvaluate(plain, input, at);
      expect(a.events).toEqual(b.events);
      eventCount += a.events.length;
      fast = a.engine;
      plain = b.engine;
      expect(activeAlerts(fast)).toEqual(activeAlerts(plain));
      expect(sortedTracks(fast)).toEqual(sortedTracks(plain));
    }
    expect(eventCount).toBeGreaterThan(10); // the scenario does exercise raising and resolving
  });
});

function createRuleEngineSafe(rules: AlertRule[]): RuleEngine | null {
  try {
    return createRuleEngine(rules, { builtins: false });
  } catch {
    return null;
  }
}

describe('evaluate: rules sharing a metric', () => {
  const yellow = congestionRule({ id: 'yellow', forMs: 0, clearForMs: 0 });
  const red = congestionRule({
    id: 'red', forMs: 0, clearForMs: 0, severity: 'red',
    when: { metric: 'tti', op: '>=', value: 3 }, clearWhen: { metric: 'tti', op: '<', value: 2.5 },
  }); // prettier-ignore

  it('fires only the rules whose threshold the value reaches', () => {
    const { engine } = evaluate(
      createRuleEngine([red, yellow], { builtins: false }),
      segmentTti('s1', 2.5, 0),
      0,
    );
    expect(activeAlerts(engine).map((a) => a.key)).toEqual(['yellow:s1']);
  });

  it('fires both at a value above both thresholds, each with its own clear condition', () => {
    let engine = createRuleEngine([red, yellow], { builtins: false });
    engine = evaluate(engine, segmentTti('s1', 3.2, 0), 0).engine;
    const { engine: after, events } = evaluate(engine, segmentTti('s1', 2.2, 10_000), 10_000);
    expect([
      activeAlerts(engine).map((a) => a.key),
      events.map((e) => `${e.type}:${e.key}`),
      activeAlerts(after).map((a) => a.key),
    ]).toEqual([
      // prettier-ignore
      ['red:s1', 'yellow:s1'],
      ['resolved:red:s1'],
      ['yellow:s1'],
    ]);
  });

  it('fires on an exact threshold for >= and not for >', () => {
    const strict = congestionRule({ id: 'strict', forMs: 0, when: { metric: 'tti', op: '>', value: 2 } });
    const { engine } = evaluate(
      createRuleEngine([strict, congestionRule({ forMs: 0 })], { builtins: false }),
      segmentTti('s1', 2, 0),
      0,
    );
    expect(activeAlerts(engine).map((a) => a.ruleId)).toEqual(['seg-congestion']);
  });

  it('fires a rule with no single guard (any of two metrics) on either metric', () => {
    const either = congestionRule({
      forMs: 0,
      when: {
        any: [
          { metric: 'tti', op: '>=', value: 2 },
          { metric: 'speedKmh', op: '<', value: 10 },
        ],
      },
      clearWhen: {
        all: [
          { metric: 'tti', op: '<', value: 1.5 },
          { metric: 'speedKmh', op: '>=', value: 20 },
        ],
      },
    });
    const input: EvaluationInput = { entities: { segment: [{ id: 's1', metrics: { tti: { value: 1.2, observedAt: 0, fresh: true }, speedKmh: { value: 5, observedAt: 0, fresh: true } } }] } }; // prettier-ignore
    const { events } = evaluate(createRuleEngine([either], { builtins: false }), input, 0);
    expect(events.map((e) => e.type)).toEqual(['raised']);
  });
});

describe('evaluate: tracked state across steps', () => {
  it('applies an edited threshold to an entity already pending', () => {
    const rule = congestionRule({ forMs: 20_000 });
    let engine = evaluate(createRuleEngine([rule], { builtins: false }), segmentTti('s1', 2.2, 0), 0).engine;
    engine = createRuleEngine([{ ...rule, version: 2, when: { metric: 'tti', op: '>=', value: 2.5 } }], {
      builtins: false,
      state: engine.state,
    });
    const { events } = evaluate(engine, segmentTti('s1', 2.2, 20_000), 20_000);
    expect([events, engine.state.tracks.length]).toEqual([[], 1]);
  });

  it('keeps a firing alert uncertain while its entity is absent, and resolves it on fresh clear input later', () => {
    const rule = congestionRule({ forMs: 0, clearForMs: 0 });
    let engine = createRuleEngine([rule], { builtins: false });
    const types: string[] = [];
    for (const [at, input] of [
      [0, segmentTti('s1', 3, 0)],
      [10_000, {}],
      [20_000, segmentTti('s1', 1.2, 20_000)],
    ] as const) {
      // prettier-ignore
      const result = evaluate(engine, input, at);
      engine = result.engine;
      types.push(...result.events.map((e) => e.type));
    }
    expect(types).toEqual(['raised', 'uncertain', 'resolved']);
  });

  it('counts an entity listed twice once', () => {
    const input: EvaluationInput = { entities: { segment: [...(segmentTti('s1', 3, 0).entities?.segment ?? []), ...(segmentTti('s1', 3, 0).entities?.segment ?? [])] } }; // prettier-ignore
    const { engine } = evaluate(createRuleEngine([congestionRule()], { builtins: false }), input, 0);
    expect(engine.state.tracks.length).toBe(1);
  });

  it('reports no change when only the evaluation time moved', () => {
    let engine = createRuleEngine([congestionRule({ forMs: 60_000 })], { builtins: false });
    const changes: boolean[] = [];
    for (const at of [0, 10_000, 20_000]) {
      const result = evaluate(engine, segmentTti('s1', 2.5, at), at);
      engine = result.engine;
      changes.push(result.changed);
    }
    expect(changes).toEqual([true, false, false]);
  });

  it('gives the same result when an old engine is evaluated again', () => {
    const engine = evaluate(createRuleEngine([congestionRule({ forMs: 0 })], { builtins: false }), segmentTti('s1', 3, 0), 0).engine; // prettier-ignore
    const first = evaluate(engine, segmentTti('s1', 1.2, 70_000), 70_000);
    const again = evaluate(engine, segmentTti('s1', 1.2, 70_000), 70_000);
    expect(again.engine.state).toEqual(first.engine.state);
  });
});
