import type { AlertRule, AlertTarget, Comparison, Condition } from '@cbo/contracts';
import { isComparison, type MetricReadings } from './condition';
import { ruleKind } from './dedupe-key';
import type { CompiledRule } from './rule-track';

/**
 * The rules of one target that share a guard metric and operator, sorted by threshold. A guard is a
 * comparison that must be true for the rule's fire condition to be true, so for an idle entity one reading
 * and a binary search find every rule that could start: the others are skipped without evaluating them.
 */
export interface GuardGroup {
  readonly metric: string;
  readonly op: Comparison['op'];
  /** Thresholds, ascending. */
  readonly thresholds: Float64Array;
  /** Rule index (into the engine's rules) of each threshold. */
  readonly rules: Int32Array;
}

/** The rules of one target: guarded by a metric threshold, or scanned on every entity. */
export interface TargetPlan {
  readonly guards: readonly GuardGroup[];
  /** Rules with no guard (for instance an `any` at the top): their condition is evaluated on every entity. */
  readonly scan: Int32Array;
}

/** The engine's rules indexed for evaluation. */
export interface RulePlan {
  readonly byTarget: ReadonlyMap<AlertTarget, TargetPlan>;
  readonly indexById: ReadonlyMap<string, number>;
  /** Renders rule `i`'s dedupe key for an entity (same result as `renderDedupeKey`). */
  readonly keyOf: readonly ((entityId: string) => string)[];
}

/** A comparison that must hold for `condition` to be true, or null when there is none. */
export function guardOf(condition: Condition): Comparison | null {
  if (isComparison(condition)) return condition;
  if ('any' in condition) return condition.any.length === 1 ? guardOf(condition.any[0] as Condition) : null;
  let best: Comparison | null = null;
  for (const part of condition.all) {
    const guard = guardOf(part);
    // '!=' holds for almost every value, so any other operator is the better filter.
    if (guard !== null && (best === null || (best.op === '!=' && guard.op !== '!='))) best = guard;
  }
  return best;
}

const PLACEHOLDER = /\{(rule|kind|domain|target|entity)\}/;

/** Compile a dedupe key template once: only the entity varies per call. */
export function compileDedupeKey(rule: AlertRule): (entityId: string) => string {
  const pieces = rule.dedupeKey.split(new RegExp(PLACEHOLDER.source, 'g'));
  const fixed: Record<string, string> = {
    rule: rule.id,
    kind: ruleKind(rule),
    domain: rule.domain,
    target: rule.target,
  };
  // Even indices are literal text, odd ones placeholder names; join runs of constant text.
  const chunks: string[] = [];
  let text = '';
  pieces.forEach((piece, i) => {
    if (i % 2 === 0) text += piece;
    else if (piece !== 'entity') text += fixed[piece] ?? '';
    else {
      chunks.push(text);
      text = '';
    }
  });
  chunks.push(text);
  if (chunks.length === 2) {
    const [before, after] = chunks as [string, string];
    return (entityId) => before + entityId + after;
  }
  return (entityId) => chunks.join(entityId);
}

/** Index compiled rules by target and guard. */
export function buildRulePlan(rules: readonly CompiledRule[]): RulePlan {
  const groups = new Map<string, { metric: string; op: Comparison['op']; items: [number, number][] }>();
  const scans = new Map<AlertTarget, number[]>();
  const targets = new Set<AlertTarget>();
  rules.forEach((compiled, index) => {
    const { target } = compiled.rule;
    targets.add(target);
    const guard = guardOf(compiled.rule.when);
    if (guard === null || !Number.isFinite(guard.value)) {
      scans.set(target, [...(scans.get(target) ?? []), index]);
      return;
    }
    const id = `${target}\u0000${guard.metric}\u0000${guard.op}`;
    const group = groups.get(id) ?? { metric: guard.metric, op: guard.op, items: [] };
    group.items.push([guard.value, index]);
    groups.set(id, group);
  });
  const byTarget = new Map<AlertTarget, TargetPlan>();
  for (const target of targets) {
    const guards: GuardGroup[] = [];
    for (const [id, group] of groups) {
      if (!id.startsWith(`${target}\u0000`)) continue;
      const items = [...group.items].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      guards.push({
        metric: group.metric,
        op: group.op,
        thresholds: Float64Array.from(items, (item) => item[0]),
        rules: Int32Array.from(items, (item) => item[1]),
      });
    }
    byTarget.set(target, { guards, scan: Int32Array.from(scans.get(target) ?? []) });
  }
  return {
    byTarget,
    indexById: new Map(rules.map((compiled, index) => [compiled.rule.id, index])),
    keyOf: rules.map((compiled) => compileDedupeKey(compiled.rule)),
  };
}

/** First index whose threshold is >= value. */
function lowerBound(thresholds: Float64Array, value: number): number {
  let lo = 0;
  let hi = thresholds.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((thresholds[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose threshold is > value. */
function upperBound(thresholds: Float64Array, value: number): number {
  let lo = 0;
  let hi = thresholds.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((thresholds[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Call `visit` with the index of every rule of the plan whose guard holds on `readings` (a superset of the
 * rules whose fire condition is true), and of every scanned rule. Allocates nothing.
 */
export function forEachCandidate(
  plan: TargetPlan,
  readings: MetricReadings,
  visit: (ruleIndex: number) => void,
): void {
  for (const group of plan.guards) {
    const reading = readings[group.metric];
    if (reading === undefined || !reading.fresh || !Number.isFinite(reading.value)) continue;
    const { thresholds, rules } = group;
    const v = reading.value;
    const n = thresholds.length;
    let from = 0;
    let to = n;
    let skipFrom = n;
    let skipTo = n;
    switch (group.op) {
      case '>':
        to = lowerBound(thresholds, v);
        break;
      case '>=':
        to = upperBound(thresholds, v);
        break;
      case '<':
        from = upperBound(thresholds, v);
        break;
      case '<=':
        from = lowerBound(thresholds, v);
        break;
      case '==':
        from = lowerBound(thresholds, v);
        to = upperBound(thresholds, v);
        break;
      case '!=':
        skipFrom = lowerBound(thresholds, v);
        skipTo = upperBound(thresholds, v);
        break;
    }
    // One range, or for '!=' two: everything outside [skipFrom, skipTo).
    for (let i = from; i < Math.min(to, skipFrom); i++) visit(rules[i] as number);
    for (let i = Math.max(from, skipTo); i < to; i++) visit(rules[i] as number);
  }
  for (let i = 0; i < plan.scan.length; i++) visit(plan.scan[i] as number);
}
