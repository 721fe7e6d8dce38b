import type { AlertTarget, EpochMs } from '@cbo/contracts';
import type { MetricReadings } from './condition';
import { buildRulePlan, forEachCandidate, type RulePlan } from './rule-plan';
import { stepTrack, type CompiledRule, type RuleTrack } from './rule-track';

/** One entity's input: id and metric readings. */
export interface EntityReadings {
  readonly id: string;
  readonly metrics: MetricReadings;
}

/** The tracks of one entity (rules of one target), with the rule index of each. Never mutated once built. */
export interface EntityTracks {
  readonly tracks: readonly RuleTrack[];
  readonly rules: readonly number[];
}

/** Tracks by target, then entity id. */
export type TrackIndex = ReadonlyMap<AlertTarget, ReadonlyMap<string, EntityTracks>>;

/** A firing (rule, entity) pair of this step, with its place in rule-then-entity order. */
export interface FiringTrack {
  readonly ruleIndex: number;
  readonly order: number;
  readonly track: RuleTrack;
}

/** What one step produced. */
export interface StepResult {
  readonly index: TrackIndex;
  readonly tracks: RuleTrack[];
  /** Firing pairs, in rule order, then entity input order (absent entities last). */
  readonly firing: FiringTrack[];
  /** False when every track is the one of the prior step (same objects, none added or removed). */
  readonly changed: boolean;
}

const plans = new WeakMap<readonly CompiledRule[], RulePlan>();

/** The plan of an engine's rules, built once per rule set. */
export function planOf(rules: readonly CompiledRule[]): RulePlan {
  let plan = plans.get(rules);
  if (plan === undefined) {
    plan = buildRulePlan(rules);
    plans.set(rules, plan);
  }
  return plan;
}

/** Group saved tracks by target and entity; tracks of rules not in the plan are dropped. */
export function indexTracks(
  rules: readonly CompiledRule[],
  plan: RulePlan,
  tracks: readonly RuleTrack[],
): TrackIndex {
  const out = new Map<AlertTarget, Map<string, { tracks: RuleTrack[]; rules: number[] }>>();
  for (const track of tracks) {
    const ruleIndex = plan.indexById.get(track.ruleId);
    if (ruleIndex === undefined) continue;
    const target = (rules[ruleIndex] as CompiledRule).rule.target;
    let byEntity = out.get(target);
    if (byEntity === undefined) out.set(target, (byEntity = new Map()));
    const entry = byEntity.get(track.entityId);
    if (entry === undefined) byEntity.set(track.entityId, { tracks: [track], rules: [ruleIndex] });
    else {
      entry.tracks.push(track);
      entry.rules.push(ruleIndex);
    }
  }
  return out;
}

const NO_TRACKS: ReadonlyMap<string, EntityTracks> = new Map();

/**
 * Step every rule over the entities of its target. Per entity: the rules it is tracked by (pending or
 * firing) are stepped; of the others, only those whose guard holds are tried (`forEachCandidate`), so an
 * idle entity costs one reading and a binary search per guard group. Tracked entities absent from the input
 * are stepped as stale. Same transitions as stepping every (rule, entity) pair with `stepTrack`.
 */
export function stepRules(
  rules: readonly CompiledRule[],
  plan: RulePlan,
  prior: TrackIndex,
  lists: ReadonlyMap<AlertTarget, readonly EntityReadings[]>,
  now: EpochMs,
): StepResult {
  const index = new Map<AlertTarget, Map<string, EntityTracks>>();
  const tracks: RuleTrack[] = [];
  const firing: FiringTrack[] = [];
  const stamp = new Int32Array(rules.length);
  let serial = 0;
  let changed = false;
  // Scratch for the entity being stepped, reused across entities.
  let scratchTracks: RuleTrack[] = [];
  let scratchRules: number[] = [];
  let entityId = '';
  let readings: MetricReadings = {};
  let entityChanged = false;
  const tryRule = (ruleIndex: number): void => {
    if (stamp[ruleIndex] === serial) return;
    stamp[ruleIndex] = serial;
    const next = stepTrack(rules[ruleIndex] as CompiledRule, entityId, readings, undefined, now);
    if (next === null) return;
    scratchTracks.push(next);
    scratchRules.push(ruleIndex);
    entityChanged = true;
  };
  const stepTracked = (was: EntityTracks, present: MetricReadings | undefined): void => {
    for (let k = 0; k < was.tracks.length; k++) {
      const ruleIndex = was.rules[k] as number;
      const track = was.tracks[k] as RuleTrack;
      stamp[ruleIndex] = serial;
      const next = stepTrack(rules[ruleIndex] as CompiledRule, entityId, present, track, now);
      if (next !== track) entityChanged = true;
      if (next === null) continue;
      scratchTracks.push(next);
      scratchRules.push(ruleIndex);
    }
  };
  const finish = (
    byEntity: Map<string, EntityTracks>,
    was: EntityTracks | undefined,
    order: number,
  ): void => {
    if (scratchTracks.length === 0) {
      if (was !== undefined) changed = true;
      return;
    }
    let entry = was;
    if (entityChanged || entry === undefined) {
      changed = true;
      entry = { tracks: scratchTracks, rules: scratchRules };
      scratchTracks = [];
      scratchRules = [];
    } else {
      scratchTracks.length = 0;
      scratchRules.length = 0;
    }
    byEntity.set(entityId, entry);
    for (let k = 0; k < entry.tracks.length; k++) {
      const track = entry.tracks[k] as RuleTrack;
      tracks.push(track);
      if (track.phase === 'firing') firing.push({ ruleIndex: entry.rules[k] as number, order, track });
    }
  };

  const targets = new Set<AlertTarget>([...plan.byTarget.keys(), ...prior.keys()]);
  for (const target of targets) {
    const targetPlan = plan.byTarget.get(target);
    const priorOfTarget = prior.get(target) ?? NO_TRACKS;
    const byEntity = new Map<string, EntityTracks>();
    const seen = new Set<string>();
    const list = lists.get(target) ?? [];
    for (let order = 0; order < list.length; order++) {
      const entity = list[order] as EntityReadings;
      const was = priorOfTarget.size === 0 ? undefined : priorOfTarget.get(entity.id);
      if (was !== undefined) {
        if (seen.has(entity.id)) continue; // the same entity twice: the first one counts
        seen.add(entity.id);
      }
      serial++;
      entityId = entity.id;
      readings = entity.metrics;
      entityChanged = false;
      if (was !== undefined) stepTracked(was, readings);
      if (targetPlan !== undefined) forEachCandidate(targetPlan, readings, tryRule);
      if (was === undefined && scratchTracks.length > 0 && byEntity.has(entityId)) {
        scratchTracks.length = 0; // the same entity twice: the first one counts
        scratchRules.length = 0;
        continue;
      }
      finish(byEntity, was, order);
    }
    let order = list.length;
    for (const [id, was] of priorOfTarget) {
      if (seen.has(id)) continue;
      serial++;
      entityId = id;
      entityChanged = false;
      stepTracked(was, undefined);
      finish(byEntity, was, order++);
    }
    if (byEntity.size > 0) index.set(target, byEntity);
  }
  firing.sort((a, b) => a.ruleIndex - b.ruleIndex || a.order - b.order);
  return { index, tracks, firing, changed };
}
