import { Type, type Static, type TLiteral, type TUnion } from '@sinclair/typebox';
import { EpochMsSchema, IdSchema } from './units';
import {
  ActiveAlertSchema,
  AlertEventSchema,
  AlertRuleSchema,
  ALERT_DOMAINS,
  CaseEventSchema,
  CaseSchema,
  CASE_STATUSES,
  SilenceMatcherSchema,
} from './alerts';

/** A union of string literals whose static type keeps the literals. */
const stringUnion = <T extends readonly string[]>(values: T): TUnion<TLiteral<T[number]>[]> =>
  Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnion<TLiteral<T[number]>[]>;

/** Kinds of field unit a case can be dispatched to. */
export const UNIT_KINDS = ['traffic-police', 'river-enforcement', 'bike-operator'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** A unit that handles cases: a traffic police brigade, a river enforcement team, a bike operator. */
export const UnitSchema = Type.Object(
  {
    id: IdSchema,
    nameZh: Type.String({ minLength: 1 }),
    nameEn: Type.String({ minLength: 1 }),
    kind: stringUnion(UNIT_KINDS),
    /** Domain of the cases it takes. */
    domain: stringUnion(ALERT_DOMAINS),
    /** District it covers; null: the whole city. */
    districtId: Type.Union([Type.String(), Type.Null()]),
    /** SLA from dispatch to result reported, ms. */
    slaMs: Type.Integer({ minimum: 60_000 }),
  },
  { additionalProperties: false },
);
export type Unit = Static<typeof UnitSchema>;

/** Actions an officer posts to `POST /api/v1/cases/:id/actions`; actor and time come from the server. */
export const OFFICER_ACTION_TYPES = [
  'file',
  'dispatch',
  'start',
  'report',
  'verify',
  'reject',
  'close',
  'dismiss',
  'comment',
] as const;
export type OfficerActionType = (typeof OFFICER_ACTION_TYPES)[number];

/** Body of `POST /api/v1/cases/:id/actions`: the action and the case revision the officer saw. */
export const CaseActionRequestSchema = Type.Object(
  {
    type: stringUnion(OFFICER_ACTION_TYPES),
    revision: Type.Integer({ minimum: 0 }),
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
    unitId: Type.Optional(IdSchema),
    /** Default: the unit's SLA. */
    slaMs: Type.Optional(Type.Integer({ minimum: 60_000, maximum: 7 * 24 * 3_600_000 })),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    result: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type CaseActionRequest = Static<typeof CaseActionRequestSchema>;

/** A case with its whole timeline, oldest event first. */
export const CaseDetailSchema = Type.Object({
  case: CaseSchema,
  events: Type.Array(CaseEventSchema),
});
export type CaseDetail = Static<typeof CaseDetailSchema>;

/** Answer of `GET /api/v1/cases`. */
export const CaseListSchema = Type.Object({ cases: Type.Array(CaseSchema) });
export type CaseList = Static<typeof CaseListSchema>;

/** Body of a 409 `CBO_ERR_CASE_CONFLICT` / 422 `CBO_ERR_CASE_TRANSITION`: the message and the current case. */
export const CaseRefusalSchema = Type.Object({
  statusCode: Type.Integer(),
  code: Type.String(),
  error: Type.String(),
  message: Type.String(),
  case: CaseSchema,
  allowed: Type.Array(Type.String()),
});
export type CaseRefusal = Static<typeof CaseRefusalSchema>;

const DurationStatsSchema = Type.Object({
  count: Type.Integer({ minimum: 0 }),
  meanMs: Type.Union([Type.Number(), Type.Null()]),
  medianMs: Type.Union([Type.Number(), Type.Null()]),
  p90Ms: Type.Union([Type.Number(), Type.Null()]),
});

/** Response KPIs (definitions: docs/alerts.md section 4). */
export const ResponseKpisSchema = Type.Object({
  cases: Type.Integer({ minimum: 0 }),
  byStatus: Type.Record(stringUnion(CASE_STATUSES), Type.Integer({ minimum: 0 })),
  timeToAcknowledge: DurationStatsSchema,
  timeToClose: DurationStatsSchema,
  withinSla: Type.Object({
    eligible: Type.Integer({ minimum: 0 }),
    met: Type.Integer({ minimum: 0 }),
    share: Type.Union([Type.Number(), Type.Null()]),
  }),
});
export type ResponseKpisDto = Static<typeof ResponseKpisSchema>;

/** What a screen needs to start or catch up: open and recent cases, firing alerts, today's KPIs. */
export const OpsSnapshotSchema = Type.Object({
  at: EpochMsSchema,
  cases: Type.Array(CaseSchema),
  alerts: Type.Array(ActiveAlertSchema),
  kpis: ResponseKpisSchema,
});
export type OpsSnapshot = Static<typeof OpsSnapshotSchema>;

/** Payload of `cases:changed`: the case after the change and the events that made it. */
export const CaseChangedSchema = Type.Object({
  case: CaseSchema,
  events: Type.Array(CaseEventSchema),
});
export type CaseChanged = Static<typeof CaseChangedSchema>;

/** Payload of `alerts:events`: the alert events of one evaluation. */
export const AlertEventBatchSchema = Type.Array(AlertEventSchema);

/** A stored rule with who saved it. */
export const StoredRuleSchema = Type.Object({
  rule: AlertRuleSchema,
  savedAt: EpochMsSchema,
  savedBy: Type.String(),
});
export type StoredRule = Static<typeof StoredRuleSchema>;

/** Answer of rule validation: the rule as it would be saved, or errors naming the bad field and value. */
export const RuleValidationSchema = Type.Object({
  ok: Type.Boolean(),
  errors: Type.Array(Type.String()),
});
export type RuleValidation = Static<typeof RuleValidationSchema>;

/** Body of `POST /api/v1/alerts/silences`. */
export const SilenceRequestSchema = Type.Object(
  {
    matchers: Type.Array(SilenceMatcherSchema, { minItems: 1, maxItems: 16 }),
    startsAt: EpochMsSchema,
    endsAt: EpochMsSchema,
    comment: Type.String({ maxLength: 500 }),
  },
  { additionalProperties: false },
);
export type SilenceRequest = Static<typeof SilenceRequestSchema>;

/** One recent reading of a segment (per minute), for the case view's chart. */
export const SegmentReadingSchema = Type.Object({
  at: EpochMsSchema,
  /** Null: no fresh reading at that minute. */
  speedKmh: Type.Union([Type.Number(), Type.Null()]),
  tti: Type.Union([Type.Number(), Type.Null()]),
});
export type SegmentReading = Static<typeof SegmentReadingSchema>;

/** Answer of `GET /api/v1/ops/segments/:id/readings`: the last hour, oldest first. */
export const SegmentReadingsSchema = Type.Object({
  segmentId: Type.String(),
  freeFlowKmh: Type.Number(),
  points: Type.Array(SegmentReadingSchema),
});
export type SegmentReadings = Static<typeof SegmentReadingsSchema>;

/** Alert and case events pushed to every screen (Socket.IO, default namespace). */
export interface OpsServerToClientEvents {
  /** Open and recent cases, firing alerts and KPIs: on connect (unless recovered) and on `ops:resync`. */
  'ops:snapshot': (snapshot: OpsSnapshot) => void;
  /** Alert events of one evaluation. */
  'alerts:events': (events: Static<typeof AlertEventBatchSchema>) => void;
  /** A case was opened or changed. */
  'cases:changed': (change: CaseChanged) => void;
}

/** Events a client may emit about alerts. */
export interface OpsClientToServerEvents {
  /** Ask for a fresh `ops:snapshot`. */
  'ops:resync': () => void;
}
