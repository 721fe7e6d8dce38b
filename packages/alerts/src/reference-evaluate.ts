import type { AlertEvent, AlertTarget, EpochMs } from '@cbo/contracts';
import { renderDedupeKey } from './dedupe-key';
import { reconcileAlerts } from './reconcile-alerts';
import type { EvaluationInput, RuleEngine } from './rule-engine';
import { stepTrack, type CompiledRule, type RuleTrack } from './rule-track';

/**
 * The plain definition of `evaluate` (entities only, no feeds): every rule steps every entity of its target
 * with `stepTrack`, tracked entities absent from the input are stepped as stale. Slow (rules x entities);
 * tests compare the indexed engine against it.
 */
export function referenceEvaluate(
  engine: RuleEngine,
  input: EvaluationInput,
  now: EpochMs,
): { engine: RuleEngine; events: AlertEvent[] } {
  const tracks: RuleTrack[] = [];
  for (const compiled of engine.rules) {
    const prior = new Map(
      engine.state.tracks.filter((t) => t.ruleId === compiled.rule.id).map((t) => [t.entityId, t]),
    );
    const list = input.entities?.[compiled.rule.target as AlertTarget] ?? [];
    for (const entity of list) {
      const was = prior.get(entity.id);
      prior.delete(entity.id);
      const next = stepTrack(compiled, entity.id, entity.metrics, was, now);
      if (next !== null) tracks.push(next);
    }
    for (const [entityId, was] of prior) {
      const next = stepTrack(compiled, entityId, undefined, was, now);
      if (next !== null) tracks.push(next);
    }
  }
  const ruleById = new Map(engine.rules.map((c) => [c.rule.id, c]));
  const firing = new Map<string, { compiled: CompiledRule; track: RuleTrack }[]>();
  for (const track of tracks) {
    if (track.phase !== 'firing') continue;
    const compiled = ruleById.get(track.ruleId) as CompiledRule;
    const key = renderDedupeKey(compiled.rule, track.entityId);
    firing.set(key, [...(firing.get(key) ?? []), { compiled, track }]);
  }
  const { alerts, events } = reconcileAlerts(
    engine.state.alerts,
    firing,
    ruleById,
    input.silences ?? [],
    now,
  );
  return {
    engine: { rules: engine.rules, state: { formatVersion: 1, tracks, alerts, lastEvaluatedAt: now } },
    events,
  };
}
