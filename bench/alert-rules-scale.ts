import { performance } from 'node:perf_hooks';
import type { City } from '@cbo/city';
import type { AlertRule } from '@cbo/contracts';
import { createSegmentState } from '@cbo/indices';
import {
  createRuleEngine,
  evaluate,
  mergeEvaluationInputs,
  type EntityInput,
  type EvaluationInput,
} from '../packages/alerts/src/index';
import { createSegmentInputCache, segmentEntities } from '../apps/server/src/alerts/traffic-inputs';

/** Figures of rule evaluation at city scale. */
export interface AlertRulesScale {
  rules: number;
  entities: number;
  /** `evaluate` per tick, median and p90 over the measured ticks, ms. */
  evaluateMsMedian: number;
  evaluateMsP90: number;
  /** A plain loop reading every metric of every entity of the same inputs, median ms (the floor). */
  baselineMsMedian: number;
  /** Pending or firing (rule, entity) pairs at the end. */
  activeTracks: number;
  /** Building the 50,000-segment input from the pipeline state (`segmentEntities` with its cache, a tenth of
   * the segments changed since the last call), median ms. */
  segmentInputsMs: number | null;
  /** `mergeEvaluationInputs` of segments, feeds and silences as the server does, median ms. */
  mergeMs: number;
}

export const ALERT_SEGMENTS = 50_000;
const GAUGES = 500;
const STATIONS = 3_000;
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

/** 200 rules: 160 on segments (TTI thresholds 1.8-3.7 and speed), 20 on river gauges, 20 on bike stations. */
export function benchRules(): AlertRule[] {
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
  return rules;
}

/** Deterministic input of tick `t`: 2 % of segments congested, some gauges high, some stations empty. */
export function benchInput(t: number, at: number): EvaluationInput {
  const reading = (value: number) => ({ value, observedAt: at, fresh: true });
  const segment: EntityInput[] = [];
  for (let i = 0; i < ALERT_SEGMENTS; i++) {
    const congested = (i * 7919) % 1000 < 20;
    const tti = congested ? 2 + ((i + t) % 20) / 10 : 1 + ((i * 7919 + t * 13) % 100) / 150;
    segment.push({ id: `s${i}`, metrics: { tti: reading(tti), tpi: reading(tti * 2), level: reading(Math.min(5, Math.ceil(tti))), speedKmh: reading(60 / tti) } }); // prettier-ignore
  }
  const gauge = Array.from({ length: GAUGES }, (_, i) => ({ id: `g${i}`, metrics: { levelM: reading(3 + ((i + t) % 60) / 8) } })); // prettier-ignore
  const station = Array.from({ length: STATIONS }, (_, i) => ({ id: `b${i}`, metrics: { bikesAvailable: reading((i * 31 + t) % 20) } })); // prettier-ignore
  return { entities: { segment, gauge, station } };
}

/** The floor: read every metric of every entity once (value and freshness), nothing else. */
function readAll(input: EvaluationInput): number {
  let sum = 0;
  for (const list of Object.values(input.entities ?? {})) {
    for (const entity of list) {
      for (const metric in entity.metrics) {
        const r = entity.metrics[metric];
        if (r !== undefined && r.fresh) sum += r.value;
      }
    }
  }
  return sum;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const p90 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.ceil(0.9 * xs.length) - 1] as number;

/**
 * Rule evaluation per tick at 50,000 segments + 500 gauges + 3,000 stations with 200 rules: `evaluate` over
 * `ticks` ticks one second apart after `warmUp` (the first ticks create about 100,000 pending pairs), the
 * plain-loop baseline on the same inputs, and, when a city of that size is given, the input build and merge.
 */
export function measureAlertRules(city?: City, warmUp = 3, ticks = 10): AlertRulesScale {
  const rules = benchRules();
  let engine = createRuleEngine(rules);
  const startAt = Date.UTC(2026, 0, 15, 2);
  const evaluateMs: number[] = [];
  const baselineMs: number[] = [];
  let sink = 0;
  for (let t = 0; t < warmUp + ticks; t++) {
    const at = startAt + t * TICK_MS;
    const input = benchInput(t, at);
    let began = performance.now();
    sink += readAll(input);
    const base = performance.now() - began;
    began = performance.now();
    engine = evaluate(engine, input, at).engine;
    const spent = performance.now() - began;
    if (t >= warmUp) {
      evaluateMs.push(spent);
      baselineMs.push(base);
    }
  }
  const mergeMs: number[] = [];
  const inputsMs: number[] = [];
  const at = startAt + (warmUp + ticks) * TICK_MS;
  const segments = benchInput(0, at).entities?.segment ?? [];
  const state = city === undefined ? null : createSegmentState(city.segmentCount);
  if (city !== undefined && state !== null) {
    for (let i = 0; i < city.segmentCount; i++) {
      state.observedAt[i] = at - (i % 60) * 1000;
      state.speedKmh[i] = 10 + (i % 50);
    }
  }
  const cache = city === undefined ? undefined : createSegmentInputCache(city.segmentCount);
  if (city !== undefined && state !== null) segmentEntities(city, state, at, 300_000, cache);
  for (let r = 0; r < 5; r++) {
    if (city !== undefined && state !== null) {
      // A tenth of the segments report between two evaluations (each reports every 10 s).
      for (let i = r; i < city.segmentCount; i += 10) {
        state.observedAt[i] = at + (r + 1) * 1000;
        state.speedKmh[i] = 10 + ((i + r) % 50);
      }
    }
    let began = performance.now();
    const list =
      city !== undefined && state !== null
        ? segmentEntities(city, state, at + (r + 1) * 1000, 300_000, cache)
        : segments;
    if (city !== undefined) inputsMs.push(performance.now() - began);
    began = performance.now();
    const merged = mergeEvaluationInputs([
      { entities: { segment: list } },
      { feeds: [{ feed: 'sim', lastReceivedAt: at, silentAfterMs: 120_000 }] },
      { silences: [] },
    ]);
    mergeMs.push(performance.now() - began);
    sink += merged.entities?.segment?.length ?? 0;
  }
  if (sink === -1) process.stdout.write('');
  return {
    rules: rules.length,
    entities: ALERT_SEGMENTS + GAUGES + STATIONS,
    evaluateMsMedian: median(evaluateMs),
    evaluateMsP90: p90(evaluateMs),
    baselineMsMedian: median(baselineMs),
    activeTracks: engine.state.tracks.length,
    segmentInputsMs: inputsMs.length === 0 ? null : median(inputsMs),
    mergeMs: median(mergeMs),
  };
}

/** Rows for the `pnpm bench` table. */
export function alertRuleRows(
  scale: AlertRulesScale,
): { metric: string; value: string; goal: string; met: boolean | null }[] {
  const share = scale.evaluateMsMedian / TICK_MS;
  const fmt = (x: number, d = 1) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }); // prettier-ignore
  return [
    {
      metric: `(i) alert rules: evaluate ms per tick, median / p90 (${scale.rules} rules, ${scale.entities.toLocaleString('en-US')} entities)`,
      value: `${fmt(scale.evaluateMsMedian)} / ${fmt(scale.evaluateMsP90)}`,
      goal: '',
      met: null,
    },
    { metric: '(i) alert rules: share of the 1 s tick', value: `${fmt(share * 100)}%`, goal: '< 10%', met: share < 0.1 }, // prettier-ignore
    {
      metric: '(i) alert rules: ratio evaluate / plain read of the same inputs',
      value: `${fmt(scale.evaluateMsMedian / Math.max(scale.baselineMsMedian, 0.001))} (${fmt(scale.baselineMsMedian, 2)} ms)`,
      goal: '',
      met: null,
    },
    {
      metric: '(i) alert inputs: 50,000 segment inputs (10% changed) / merge, ms',
      value: `${scale.segmentInputsMs === null ? '-' : fmt(scale.segmentInputsMs)} / ${fmt(scale.mergeMs, 2)}`,
      goal: '',
      met: null,
    },
  ];
}
