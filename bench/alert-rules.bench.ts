import { performance } from 'node:perf_hooks';
import type { AlertRule } from '@cbo/contracts';
import {
  createRuleEngine,
  evaluate,
  type EntityInput,
  type EvaluationInput,
} from '../packages/alerts/src/index';

/**
 * Rule evaluation per tick at scale: 50,000 segments (4 metrics each), 500 river gauges, 3,000 bike stations,
 * 200 rules (160 on segments, 20 on gauges, 20 on stations). Reports the median and p90 of `evaluate` over
 * 12 ticks one second apart, against the 1,000 ms tick (goal: under 10 %).
 * Run: `pnpm exec tsx bench/alert-rules.bench.ts`.
 */
const SEGMENTS = 50_000;
const GAUGES = 500;
const STATIONS = 3_000;
const TICKS = 12;
const TICK_MS = 1000;

const rule = (i: number, over: Partial<AlertRule>): AlertRule => ({
  id: `bench-${i}`,
  version: 1,
  name: { zh: `规则 ${i}`, en: `Rule ${i}` },
  domain: 'traffic',
  target: 'segment',
  when: { metric: 'tti', op: '>=', value: 2 },
  forMs: 60_000,
  clearWhen: { metric: 'tti', op: '<', value: 1.5 },
  clearForMs: 60_000,
  severity: 'yellow',
  dedupeKey: '{rule}:{entity}',
  groupAdjacent: false,
  enabled: true,
  ...over,
});

const rules: AlertRule[] = [];
for (let i = 0; i < 160; i++) {
  const threshold = 1.8 + (i % 20) * 0.1;
  rules.push(rule(i, {
    when: { all: [{ metric: 'tti', op: '>=', value: threshold }, { metric: 'speedKmh', op: '<', value: 40 }] },
    clearWhen: { metric: 'tti', op: '<', value: threshold - 0.4 },
  })); // prettier-ignore
}
for (let i = 160; i < 180; i++) {
  rules.push(rule(i, { domain: 'river', target: 'gauge', when: { metric: 'levelM', op: '>=', value: 5 + (i % 5) }, clearWhen: { metric: 'levelM', op: '<', value: 4.5 + (i % 5) } })); // prettier-ignore
}
for (let i = 180; i < 200; i++) {
  rules.push(rule(i, { domain: 'bikes', target: 'station', when: { metric: 'bikesAvailable', op: '<', value: 1 + (i % 3) }, clearWhen: { metric: 'bikesAvailable', op: '>=', value: 3 + (i % 3) } })); // prettier-ignore
}

/** Deterministic input of tick `t`: 2 % of segments congested, some gauges high, some stations empty. */
function inputAt(t: number, at: number): EvaluationInput {
  const reading = (value: number) => ({ value, observedAt: at, fresh: true });
  const segment: EntityInput[] = [];
  for (let i = 0; i < SEGMENTS; i++) {
    const congested = (i * 7919) % 1000 < 20; // 2 % of segments
    const tti = congested ? 2 + ((i + t) % 20) / 10 : 1 + ((i * 7919 + t * 13) % 100) / 150;
    segment.push({ id: `s${i}`, metrics: { tti: reading(tti), tpi: reading(tti * 2), level: reading(Math.min(5, Math.ceil(tti))), speedKmh: reading(60 / tti) } }); // prettier-ignore
  }
  const gauge = Array.from({ length: GAUGES }, (_, i) => ({ id: `g${i}`, metrics: { levelM: reading(3 + ((i + t) % 60) / 8) } })); // prettier-ignore
  const station = Array.from({ length: STATIONS }, (_, i) => ({ id: `b${i}`, metrics: { bikesAvailable: reading((i * 31 + t) % 20) } })); // prettier-ignore
  return { entities: { segment, gauge, station } };
}

let engine = createRuleEngine(rules);
const startAt = Date.UTC(2026, 0, 15, 2);
const inputs = Array.from({ length: TICKS }, (_, t) => inputAt(t, startAt + t * TICK_MS));
const times: number[] = [];
let events = 0;
for (let t = 0; t < TICKS; t++) {
  const began = performance.now();
  const result = evaluate(engine, inputs[t]!, startAt + t * TICK_MS);
  times.push(performance.now() - began);
  engine = result.engine;
  events += result.events.length;
}
times.sort((a, b) => a - b);
const median = times[Math.floor(TICKS / 2)]!;
const p90 = times[Math.ceil(0.9 * TICKS) - 1]!;
process.stdout.write(
  `alert rules: ${rules.length} rules, ${SEGMENTS} segments + ${GAUGES} gauges + ${STATIONS} stations; ` +
    `evaluate median ${median.toFixed(1)} ms, p90 ${p90.toFixed(1)} ms per tick ` +
    `(${((median / TICK_MS) * 100).toFixed(1)} % of a ${TICK_MS} ms tick; goal < 10 %); ` +
    `${engine.state.tracks.length} active tracks, ${events} events\n`,
);
