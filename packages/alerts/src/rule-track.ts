import type { AlertRule, EpochMs } from '@cbo/contracts';
import type { CompiledCondition, MetricReadings } from './condition';

/** The state of one (rule, entity) pair that is not inactive. Plain data, serialisable. */
export interface RuleTrack {
  readonly ruleId: string;
  readonly ruleVersion: number;
  readonly entityId: string;
  /** `pending`: the fire condition holds, for-duration not yet met. `firing`: the alert is on. */
  readonly phase: 'pending' | 'firing';
  /** Pending: since when the fire condition has held. Firing: when it fired. */
  readonly since: EpochMs;
  /** Firing: since when the clear condition has held on fresh inputs; null when it does not. */
  readonly clearingSince: EpochMs | null;
  /** Firing: an input of the rule is missing or stale, so it cannot be told whether the alert still holds. */
  readonly uncertain: boolean;
}

/** A rule prepared for evaluation. */
export interface CompiledRule {
  readonly rule: AlertRule;
  readonly severityRank: number;
  /** Every metric of `when` and `clearWhen`. */
  readonly metrics: readonly string[];
  readonly when: CompiledCondition;
  readonly clearWhen: CompiledCondition;
}

function anyStale(metrics: readonly string[], readings: MetricReadings): boolean {
  for (const metric of metrics) {
    const r = readings[metric];
    if (r === undefined || !r.fresh || !Number.isFinite(r.value)) return true;
  }
  return false;
}

/**
 * One step of the (rule, entity) state machine at `now`; `prior` undefined means inactive, a result of
 * null means inactive (or resolved). Pending needs the fire condition true on fresh inputs at every step;
 * firing ends only after the clear condition has held on fresh inputs for `clearForMs`. Stale or missing
 * inputs (`readings` undefined: the entity is absent) make a firing track uncertain and restart its clear
 * timer; they never clear it.
 */
export function stepTrack(
  compiled: CompiledRule,
  entityId: string,
  readings: MetricReadings | undefined,
  prior: RuleTrack | undefined,
  now: EpochMs,
): RuleTrack | null {
  const { rule } = compiled;
  if (prior === undefined || prior.phase === 'pending') {
    if (readings === undefined || compiled.when(readings) !== true) return null;
    const since = prior?.since ?? now;
    if (now - since < rule.forMs) {
      return prior ?? { ruleId: rule.id, ruleVersion: rule.version, entityId, phase: 'pending', since, clearingSince: null, uncertain: false }; // prettier-ignore
    }
    return { ruleId: rule.id, ruleVersion: rule.version, entityId, phase: 'firing', since: now, clearingSince: null, uncertain: false }; // prettier-ignore
  }
  const clear = readings === undefined ? null : compiled.clearWhen(readings);
  const uncertain = readings === undefined || anyStale(compiled.metrics, readings);
  if (clear === true) {
    const clearingSince = prior.clearingSince ?? now;
    if (now - clearingSince >= rule.clearForMs) return null;
    return withChanges(prior, rule.version, clearingSince, uncertain);
  }
  return withChanges(prior, rule.version, null, uncertain);
}

function withChanges(
  prior: RuleTrack,
  ruleVersion: number,
  clearingSince: EpochMs | null,
  uncertain: boolean,
): RuleTrack {
  if (
    prior.clearingSince === clearingSince &&
    prior.uncertain === uncertain &&
    prior.ruleVersion === ruleVersion
  ) {
    return prior;
  }
  return { ...prior, ruleVersion, clearingSince, uncertain };
}
