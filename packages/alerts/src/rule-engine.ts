import {
  ALERT_SEVERITIES,
  type ActiveAlert,
  type AlertEvent,
  type AlertRule,
  type AlertTarget,
  type EpochMs,
  type Silence,
} from '@cbo/contracts';
import { compileCondition, conditionMetrics, type MetricReadings } from './condition';
import { FEED_SILENT_RULE, feedSilenceMetrics, type FeedStatus } from './feed-silent';
import type { CompiledRule, RuleTrack } from './rule-track';
import { reconcileAlerts, type AlertRecord } from './reconcile-alerts';
import type { RulePlan } from './rule-plan';
import { indexTracks, planOf, stepRules, type TrackIndex } from './step-rules';
import { validateRule } from './validate-rule';

/** One entity's metric values. */
export interface EntityInput {
  readonly id: string;
  readonly metrics: MetricReadings;
}

/** What one evaluation sees: entities by kind, feed arrivals, and the silences on record. */
export interface EvaluationInput {
  readonly entities?: Partial<Record<AlertTarget, readonly EntityInput[]>>;
  /** Feed arrivals, for the built-in feed-silent rule and any `feeds` rule on silentMs / silentRatio. */
  readonly feeds?: readonly FeedStatus[];
  /** Silences and maintenance windows; only those in force at `now` apply. */
  readonly silences?: readonly Silence[];
}

/** The engine's memory: plain data, serialisable with JSON, restorable with `createRuleEngine`. */
export interface RuleEngineState {
  readonly formatVersion: 1;
  /** The (rule, entity) pairs that are not inactive. */
  readonly tracks: readonly RuleTrack[];
  /** Firing alerts, one per dedupe key. */
  readonly alerts: readonly AlertRecord[];
  readonly lastEvaluatedAt: EpochMs | null;
}

/** Rules ready to evaluate, and the state so far. Immutable: `evaluate` returns a new engine. */
export interface RuleEngine {
  readonly rules: readonly CompiledRule[];
  readonly state: RuleEngineState;
}

export interface RuleEngineOptions {
  /** State saved from an earlier engine (`engine.state`), to carry on after a restart or a rule edit. */
  readonly state?: RuleEngineState;
  /** Add the built-in rules (feed-silent) unless a rule has their id. Default true. */
  readonly builtins?: boolean;
}

/** Thrown by `createRuleEngine` for rules that did not pass `validateRule` (a caller's bug). */
export class RuleEngineError extends Error {
  override readonly name = 'RuleEngineError';
}

/** An empty engine state. */
export function emptyEngineState(): RuleEngineState {
  return { formatVersion: 1, tracks: [], alerts: [], lastEvaluatedAt: null };
}

/**
 * Build an engine from validated rules. Disabled rules are left out; their alerts resolve (reason
 * `rule-removed`) at the next evaluation. Throws `RuleEngineError` on an invalid rule or a repeated id.
 */
export function createRuleEngine(rules: readonly AlertRule[], options: RuleEngineOptions = {}): RuleEngine {
  const all = [...rules];
  if (options.builtins !== false && !all.some((r) => r.id === FEED_SILENT_RULE.id))
    all.push(FEED_SILENT_RULE);
  const seen = new Set<string>();
  const compiled: CompiledRule[] = [];
  for (const rule of all) {
    const checked = validateRule(rule);
    if ('errors' in checked) throw new RuleEngineError(`rule ${rule.id}: ${checked.errors.join('; ')}`);
    if (seen.has(rule.id)) throw new RuleEngineError(`rule ${rule.id}: id used twice`);
    seen.add(rule.id);
    if (!rule.enabled) continue;
    const metrics = [...new Set([...conditionMetrics(rule.when), ...conditionMetrics(rule.clearWhen)])];
    compiled.push({
      rule: checked.rule,
      severityRank: ALERT_SEVERITIES.indexOf(rule.severity),
      metrics,
      when: compileCondition(rule.when),
      clearWhen: compileCondition(rule.clearWhen),
    });
  }
  return { rules: compiled, state: options.state ?? emptyEngineState() };
}

function entityLists(input: EvaluationInput, now: EpochMs): Map<AlertTarget, readonly EntityInput[]> {
  const out = new Map(Object.entries(input.entities ?? {}) as [AlertTarget, readonly EntityInput[]][]);
  if (input.feeds !== undefined && input.feeds.length > 0) {
    const feeds = new Map((out.get('feed') ?? []).map((e) => [e.id, e.metrics]));
    for (const status of input.feeds) {
      feeds.set(status.feed, { ...feeds.get(status.feed), ...feedSilenceMetrics(status, now) });
    }
    out.set(
      'feed',
      [...feeds].map(([id, metrics]) => ({ id, metrics })),
    );
  }
  return out;
}

/** Tracks grouped by entity, per engine state (built by `evaluate`, or from saved tracks on first use). */
const indexes = new WeakMap<RuleEngineState, { rules: readonly CompiledRule[]; index: TrackIndex }>();

function trackIndexOf(engine: RuleEngine, plan: RulePlan): TrackIndex {
  const cached = indexes.get(engine.state);
  if (cached !== undefined && cached.rules === engine.rules) return cached.index;
  const index = indexTracks(engine.rules, plan, engine.state.tracks);
  indexes.set(engine.state, { rules: engine.rules, index });
  return index;
}

function sameAlerts(before: readonly AlertRecord[], after: readonly AlertRecord[]): boolean {
  if (before.length !== after.length) return false;
  for (let i = 0; i < before.length; i++) {
    const a = before[i] as AlertRecord;
    const b = after[i] as AlertRecord;
    if (
      a.key !== b.key ||
      a.ruleId !== b.ruleId ||
      a.ruleVersion !== b.ruleVersion ||
      a.entityId !== b.entityId ||
      a.severity !== b.severity ||
      a.uncertain !== b.uncertain ||
      a.silenced !== b.silenced ||
      a.firingSince !== b.firingSince ||
      a.published?.severity !== b.published?.severity ||
      a.published?.uncertain !== b.published?.uncertain
    ) {
      return false;
    }
  }
  return true;
}

/**
 * Evaluate every rule on every entity at `now` and return the new engine with the alert events this step
 * produced. Deterministic: the same engine, input and time give the same result, so a recorded day replays
 * exactly. `now` should not go backwards. `changed` is false when the state differs from the engine's only in
 * `lastEvaluatedAt` (nothing to save). Cost: per idle entity, one reading and a binary search per group of
 * rules sharing a guard metric (see `stepRules`); per pending or firing (rule, entity) pair, one step.
 */
export function evaluate(
  engine: RuleEngine,
  input: EvaluationInput,
  now: EpochMs,
): { engine: RuleEngine; events: AlertEvent[]; changed: boolean } {
  const plan = planOf(engine.rules);
  const priorIndex = trackIndexOf(engine, plan);
  const step = stepRules(engine.rules, plan, priorIndex, entityLists(input, now), now);
  const firing = new Map<string, { compiled: CompiledRule; track: RuleTrack }[]>();
  for (const { ruleIndex, track } of step.firing) {
    const compiled = engine.rules[ruleIndex] as CompiledRule;
    const key = (plan.keyOf[ruleIndex] as (entityId: string) => string)(track.entityId);
    const list = firing.get(key);
    if (list === undefined) firing.set(key, [{ compiled, track }]);
    else list.push({ compiled, track });
  }
  const ruleById = new Map(engine.rules.map((c) => [c.rule.id, c]));
  const { alerts, events } = reconcileAlerts(
    engine.state.alerts,
    firing,
    ruleById,
    input.silences ?? [],
    now,
  );
  const state: RuleEngineState = { formatVersion: 1, tracks: step.tracks, alerts, lastEvaluatedAt: now };
  indexes.set(state, { rules: engine.rules, index: step.index });
  const changed =
    step.changed ||
    step.tracks.length !== engine.state.tracks.length ||
    !sameAlerts(engine.state.alerts, alerts);
  return { engine: { rules: engine.rules, state }, events, changed };
}

/** Alerts firing now (silenced ones included, flagged), most severe first, then oldest first. */
export function activeAlerts(engine: RuleEngine): ActiveAlert[] {
  return engine.state.alerts
    .map(({ published: _p, ...alert }) => alert)
    .sort(
      (a, b) =>
        ALERT_SEVERITIES.indexOf(b.severity) - ALERT_SEVERITIES.indexOf(a.severity) ||
        a.firingSince - b.firingSince ||
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
}
