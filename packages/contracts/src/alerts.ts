import { Type, type Static, type TLiteral, type TUnion } from '@sinclair/typebox';
import { EpochMsSchema, IdSchema } from './units';

/** Domains a rule belongs to. */
export const ALERT_DOMAINS = ['traffic', 'river', 'bikes', 'feeds'] as const;
export type AlertDomain = (typeof ALERT_DOMAINS)[number];

/** Kinds of entity a rule watches. */
export const ALERT_TARGETS = [
  'segment',
  'district',
  'network',
  'gauge',
  'station',
  'zone',
  'feed',
  'reach',
  'river-event',
  'operator',
] as const;
export type AlertTarget = (typeof ALERT_TARGETS)[number];

/** Severities, lowest first (the Ministry of Water Resources signal colours). */
export const ALERT_SEVERITIES = ['blue', 'yellow', 'orange', 'red'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/** Comparison operators of a rule condition. */
export const COMPARISON_OPS = ['>', '>=', '<', '<=', '==', '!='] as const;
export type ComparisonOp = (typeof COMPARISON_OPS)[number];

/** A union of string literals whose static type keeps the literals (a plain `.map` widens them to string). */
const literals = <T extends readonly string[]>(values: T): TUnion<TLiteral<T[number]>[]> =>
  Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnion<TLiteral<T[number]>[]>;

/** One comparison of an entity's metric with a constant: `{ metric: 'tti', op: '>=', value: 2 }`. */
export const ComparisonSchema = Type.Object(
  {
    metric: Type.String({ minLength: 1, maxLength: 64 }),
    op: literals(COMPARISON_OPS),
    value: Type.Number(),
  },
  { additionalProperties: false },
);
export type Comparison = Static<typeof ComparisonSchema>;

/** A condition as data: a comparison, or `all` / `any` of conditions. Never evaluated as code. */
export const ConditionSchema = Type.Recursive((This) =>
  Type.Union([
    ComparisonSchema,
    Type.Object({ all: Type.Array(This, { minItems: 1, maxItems: 16 }) }, { additionalProperties: false }),
    Type.Object({ any: Type.Array(This, { minItems: 1, maxItems: 16 }) }, { additionalProperties: false }),
  ]),
);
export type Condition = Static<typeof ConditionSchema>;

/** A localised name. */
export const LocalisedNameSchema = Type.Object(
  { zh: Type.String({ minLength: 1, maxLength: 120 }), en: Type.String({ minLength: 1, maxLength: 120 }) },
  { additionalProperties: false },
);
export type LocalisedName = Static<typeof LocalisedNameSchema>;

const DurationMsSchema = Type.Integer({ minimum: 0, maximum: 7 * 24 * 3_600_000 });

/** An alert rule: data, stored and versioned. Semantics: docs/alerts.md. */
export const AlertRuleSchema = Type.Object(
  {
    id: IdSchema,
    /** Increases by one on every edit. */
    version: Type.Integer({ minimum: 1 }),
    name: LocalisedNameSchema,
    domain: literals(ALERT_DOMAINS),
    target: literals(ALERT_TARGETS),
    /** Alerts of one kind may share a dedupe key and group into one case; defaults to the rule id. */
    kind: Type.Optional(IdSchema),
    /** Fire condition. */
    when: ConditionSchema,
    /** How long `when` must hold before the alert fires, ms. */
    forMs: DurationMsSchema,
    /** Clear condition (hysteresis): must not be true together with `when`. */
    clearWhen: ConditionSchema,
    /** How long `clearWhen` must hold on fresh inputs before the alert resolves, ms. */
    clearForMs: DurationMsSchema,
    severity: literals(ALERT_SEVERITIES),
    /** Template of the dedupe key; placeholders {rule} {kind} {domain} {target} {entity}. */
    dedupeKey: Type.String({ minLength: 1, maxLength: 200 }),
    /** Spatially adjacent alerts of this kind group into one case. */
    groupAdjacent: Type.Boolean(),
    enabled: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type AlertRule = Static<typeof AlertRuleSchema>;

/** Fields a silence matcher can test. */
export const SILENCE_FIELDS = ['rule', 'kind', 'domain', 'target', 'entity', 'severity', 'key'] as const;
export type SilenceField = (typeof SILENCE_FIELDS)[number];

export const SilenceMatcherSchema = Type.Object(
  {
    field: literals(SILENCE_FIELDS),
    /** `=` equal, `!=` not equal, `prefix` starts with. */
    op: literals(['=', '!=', 'prefix'] as const),
    value: Type.String({ maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type SilenceMatcher = Static<typeof SilenceMatcherSchema>;

/** A silence or maintenance window: alerts matching every matcher are not raised in [startsAt, endsAt). */
export const SilenceSchema = Type.Object(
  {
    id: IdSchema,
    matchers: Type.Array(SilenceMatcherSchema, { minItems: 1, maxItems: 16 }),
    startsAt: EpochMsSchema,
    endsAt: EpochMsSchema,
    createdBy: Type.String({ minLength: 1 }),
    comment: Type.String(),
  },
  { additionalProperties: false },
);
export type Silence = Static<typeof SilenceSchema>;

/** Types of alert event, in the order they can happen to one alert. */
export const ALERT_EVENT_TYPES = [
  'raised',
  'escalated',
  'deescalated',
  'uncertain',
  'recovered-certainty',
  'resolved',
] as const;
export type AlertEventType = (typeof ALERT_EVENT_TYPES)[number];

/** Something that happened to an alert (one dedupe key) at one evaluation. */
export const AlertEventSchema = Type.Object({
  type: literals(ALERT_EVENT_TYPES),
  at: EpochMsSchema,
  /** The rendered dedupe key: the alert's identity. */
  key: Type.String(),
  kind: Type.String(),
  domain: literals(ALERT_DOMAINS),
  target: literals(ALERT_TARGETS),
  entityId: Type.String(),
  /** The rule that decides the alert's severity now (for `resolved`: the last one). */
  ruleId: Type.String(),
  ruleVersion: Type.Integer({ minimum: 1 }),
  severity: literals(ALERT_SEVERITIES),
  /** Severity before an `escalated` / `deescalated` event. */
  previousSeverity: Type.Optional(literals(ALERT_SEVERITIES)),
  groupAdjacent: Type.Boolean(),
  /** When the alert started firing. */
  firingSince: EpochMsSchema,
  /** `resolved` only: `cleared` by the clear condition, or the rule was `rule-removed` / disabled. */
  reason: Type.Optional(literals(['cleared', 'rule-removed'] as const)),
});
export type AlertEvent = Static<typeof AlertEventSchema>;

/** An alert that is firing now, as an inbox or the wall lists it. */
export const ActiveAlertSchema = Type.Object({
  key: Type.String(),
  kind: Type.String(),
  domain: literals(ALERT_DOMAINS),
  target: literals(ALERT_TARGETS),
  entityId: Type.String(),
  ruleId: Type.String(),
  ruleVersion: Type.Integer({ minimum: 1 }),
  severity: literals(ALERT_SEVERITIES),
  uncertain: Type.Boolean(),
  silenced: Type.Boolean(),
  groupAdjacent: Type.Boolean(),
  firingSince: EpochMsSchema,
});
export type ActiveAlert = Static<typeof ActiveAlertSchema>;

/** Case statuses: 发现 detected, 立案 filed, 派遣 dispatched, 处置 handling, reported, 核查 verified, 结案 closed. */
export const CASE_STATUSES = [
  'detected',
  'filed',
  'dispatched',
  'handling',
  'reported',
  'verified',
  'closed',
  'auto-resolved',
  'dismissed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Actions an actor (an officer, a unit, or `system`) takes on a case. */
export const CASE_ACTION_TYPES = [
  'file',
  'dispatch',
  'start',
  'report',
  'verify',
  'reject',
  'close',
  'auto-resolve',
  'dismiss',
  'comment',
  'escalate',
  'attach-alert',
] as const;
export type CaseActionType = (typeof CASE_ACTION_TYPES)[number];

/** An alert attached to a case. */
export const CaseAlertRefSchema = Type.Object({
  key: Type.String(),
  target: literals(ALERT_TARGETS),
  entityId: Type.String(),
  severity: literals(ALERT_SEVERITIES),
});
export type CaseAlertRef = Static<typeof CaseAlertRefSchema>;

/** An action on a case, quoting the revision the actor saw. */
export const CaseActionSchema = Type.Object(
  {
    type: literals(CASE_ACTION_TYPES),
    actor: Type.String({ minLength: 1, maxLength: 64 }),
    at: EpochMsSchema,
    /** The case revision the actor acted on; an older one is a conflict. */
    revision: Type.Integer({ minimum: 0 }),
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
    /** `dispatch`: the unit. */
    unitId: Type.Optional(IdSchema),
    /** `dispatch`: SLA from dispatch to result reported, ms. */
    slaMs: Type.Optional(Type.Integer({ minimum: 1 })),
    /** `dismiss`: why (required). */
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    /** `report`: what was done (required). */
    result: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
    /** `escalate`: the new escalation level. */
    level: Type.Optional(Type.Integer({ minimum: 1 })),
    /** `attach-alert`: the alert joining the case. */
    alert: Type.Optional(CaseAlertRefSchema),
  },
  { additionalProperties: false },
);
export type CaseAction = Static<typeof CaseActionSchema>;

/** A case: the current state; its history is the list of its events. */
export const CaseSchema = Type.Object({
  id: IdSchema,
  /** Increases by one with every event. */
  revision: Type.Integer({ minimum: 0 }),
  status: literals(CASE_STATUSES),
  kind: Type.String(),
  domain: literals(ALERT_DOMAINS),
  severity: literals(ALERT_SEVERITIES),
  alerts: Type.Array(CaseAlertRefSchema),
  detectedAt: EpochMsSchema,
  updatedAt: EpochMsSchema,
  unitId: Type.Union([IdSchema, Type.Null()]),
  dispatchedAt: Type.Union([EpochMsSchema, Type.Null()]),
  /** SLA due time: dispatch time + SLA; null until dispatched. */
  dueAt: Type.Union([EpochMsSchema, Type.Null()]),
  reportedAt: Type.Union([EpochMsSchema, Type.Null()]),
  escalationLevel: Type.Integer({ minimum: 0 }),
  result: Type.Union([Type.String(), Type.Null()]),
  dismissReason: Type.Union([Type.String(), Type.Null()]),
});
export type Case = Static<typeof CaseSchema>;

/** One recorded transition (or comment) of a case; `from` is null for the event that opens it. */
export const CaseEventSchema = Type.Object({
  caseId: IdSchema,
  /** The case revision this event produced. */
  revision: Type.Integer({ minimum: 0 }),
  action: Type.Union([literals(CASE_ACTION_TYPES), Type.Literal('open')]),
  actor: Type.String(),
  at: EpochMsSchema,
  comment: Type.String(),
  from: Type.Union([literals(CASE_STATUSES), Type.Null()]),
  to: literals(CASE_STATUSES),
  unitId: Type.Optional(IdSchema),
  dueAt: Type.Optional(EpochMsSchema),
  reason: Type.Optional(Type.String()),
  result: Type.Optional(Type.String()),
  level: Type.Optional(Type.Integer({ minimum: 1 })),
  alertKey: Type.Optional(Type.String()),
});
export type CaseEvent = Static<typeof CaseEventSchema>;
