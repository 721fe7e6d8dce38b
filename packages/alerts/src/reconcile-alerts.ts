import {
  ALERT_SEVERITIES,
  type ActiveAlert,
  type AlertEvent,
  type AlertSeverity,
  type EpochMs,
  type Silence,
} from '@cbo/contracts';
import { ruleKind } from './dedupe-key';
import type { CompiledRule, RuleTrack } from './rule-track';
import { isSilenceActive, isSilenced, type AlertLabels } from './silence';

/** A firing alert as the engine holds it: the current view plus what was last announced in events. */
export interface AlertRecord extends ActiveAlert {
  /** What the last events said (null: never raised, e.g. silenced so far). */
  readonly published: { readonly severity: AlertSeverity; readonly uncertain: boolean } | null;
}

/** The firing (rule, entity) pairs of one dedupe key. */
export type Contributors = readonly { readonly compiled: CompiledRule; readonly track: RuleTrack }[];

function topContributor(list: Contributors): Contributors[number] {
  let top = list[0] as Contributors[number];
  for (const c of list) {
    const byRank = c.compiled.severityRank - top.compiled.severityRank;
    const bySince = top.track.since - c.track.since;
    if (
      byRank > 0 ||
      (byRank === 0 && (bySince > 0 || (bySince === 0 && c.track.ruleId < top.track.ruleId)))
    ) {
      top = c;
    }
  }
  return top;
}

function viewOf(key: string, list: Contributors, silences: readonly Silence[], now: EpochMs): ActiveAlert {
  const { compiled, track } = topContributor(list);
  const { rule } = compiled;
  const labels = (): AlertLabels[] =>
    list.map((c) => ({
      rule: c.compiled.rule.id,
      kind: ruleKind(c.compiled.rule),
      domain: c.compiled.rule.domain,
      target: c.compiled.rule.target,
      entity: c.track.entityId,
      severity: c.compiled.rule.severity,
      key,
    }));
  return {
    key,
    kind: ruleKind(rule),
    domain: rule.domain,
    target: rule.target,
    entityId: track.entityId,
    ruleId: rule.id,
    ruleVersion: rule.version,
    severity: rule.severity,
    uncertain: list.some((c) => c.track.uncertain),
    silenced: silences.length > 0 && isSilenced(silences, labels(), now),
    groupAdjacent: rule.groupAdjacent,
    firingSince: list.reduce((min, c) => Math.min(min, c.track.since), track.since),
  };
}

function eventOf(view: ActiveAlert, type: AlertEvent['type'], at: EpochMs): AlertEvent {
  const { key, kind, domain, target, entityId, ruleId, ruleVersion, severity, groupAdjacent, firingSince } =
    view;
  return {
    type,
    at,
    key,
    kind,
    domain,
    target,
    entityId,
    ruleId,
    ruleVersion,
    severity,
    groupAdjacent,
    firingSince,
  };
}

/**
 * Turn the firing pairs of this step into alerts and the events that bring what was announced up to date.
 * A silenced alert announces nothing new (not raised, not escalated) until its silence ends; a `resolved`
 * for an alert that was raised always goes out, so no case waits on an alert that is gone.
 */
export function reconcileAlerts(
  prior: readonly AlertRecord[],
  firing: ReadonlyMap<string, Contributors>,
  ruleById: ReadonlyMap<string, CompiledRule>,
  silences: readonly Silence[],
  now: EpochMs,
): { alerts: AlertRecord[]; events: AlertEvent[] } {
  const alerts: AlertRecord[] = [];
  const events: AlertEvent[] = [];
  const priorByKey = new Map(prior.map((a) => [a.key, a]));
  const active = silences.filter((s) => isSilenceActive(s, now));
  // Known alerts first, in their order, then new ones in rule and entity order: deterministic.
  const keys = new Set([...priorByKey.keys(), ...firing.keys()]);
  for (const key of keys) {
    const list = firing.get(key);
    const prev = priorByKey.get(key);
    if (list === undefined || list.length === 0) {
      if (prev?.published) {
        const reason = ruleById.has(prev.ruleId) ? 'cleared' : 'rule-removed';
        events.push({ ...eventOf({ ...prev, severity: prev.published.severity }, 'resolved', now), reason });
      }
      continue;
    }
    const view = viewOf(key, list, active, now);
    let published = prev?.published ?? null;
    if (!view.silenced) {
      if (published === null) {
        events.push(eventOf(view, 'raised', now));
        if (view.uncertain) events.push(eventOf(view, 'uncertain', now));
      } else {
        const rankChange =
          ALERT_SEVERITIES.indexOf(view.severity) - ALERT_SEVERITIES.indexOf(published.severity);
        if (rankChange !== 0) {
          const type = rankChange > 0 ? 'escalated' : 'deescalated';
          events.push({ ...eventOf(view, type, now), previousSeverity: published.severity });
        }
        if (view.uncertain !== published.uncertain) {
          events.push(eventOf(view, view.uncertain ? 'uncertain' : 'recovered-certainty', now));
        }
      }
      published = { severity: view.severity, uncertain: view.uncertain };
    }
    alerts.push({ ...view, published });
  }
  return { alerts, events };
}
