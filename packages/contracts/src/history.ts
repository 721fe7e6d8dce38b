import { Type, type Static } from '@sinclair/typebox';
import { EpochMsSchema } from './units';
import type { TrafficNow } from './traffic';
import { BikeDayPeaksSchema, RiverDayPeaksSchema } from './history-domains';

/** A local calendar day of the city, `YYYY-MM-DD` (in the city's time zone). */
export const LocalDateSchema = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
export type LocalDate = Static<typeof LocalDateSchema>;

/** One recorded day as `GET /api/v1/history/days` lists it. */
export const HistoryDaySchema = Type.Object({
  date: LocalDateSchema,
  /** Local midnight that starts the day, epoch ms. */
  from: EpochMsSchema,
  /** Local midnight that ends the day (exclusive), epoch ms. */
  to: EpochMsSchema,
  firstFrameAt: Type.Union([EpochMsSchema, Type.Null()]),
  lastFrameAt: Type.Union([EpochMsSchema, Type.Null()]),
  frames: Type.Integer({ minimum: 0 }),
  keyframes: Type.Integer({ minimum: 0 }),
  observations: Type.Integer({ minimum: 0 }),
  events: Type.Integer({ minimum: 0 }),
});
export type HistoryDay = Static<typeof HistoryDaySchema>;

/** A history archive that could not be read (reported, never fatal). */
export const HistoryProblemSchema = Type.Object({ file: Type.String(), reason: Type.String() });
export type HistoryProblem = Static<typeof HistoryProblemSchema>;

export const HistoryDaysSchema = Type.Object({
  timeZone: Type.String(),
  days: Type.Array(HistoryDaySchema),
  problems: Type.Array(HistoryProblemSchema),
});
export type HistoryDays = Static<typeof HistoryDaysSchema>;

/** A recorded alert, case or operator event, as a timeline mark. */
export const HistoryEventSchema = Type.Object({
  seq: Type.Integer({ minimum: 0 }),
  at: EpochMsSchema,
  /** `alert`, `case` or `action`. */
  stream: Type.String(),
  /** Event kind within its stream (e.g. `raised`, `cleared`, `filed`). */
  kind: Type.String(),
  /** The event as it was published. */
  payload: Type.Unknown(),
});
export type HistoryEvent = Static<typeof HistoryEventSchema>;

/** Network TTI per minute and alert marks of one day: the replay timeline. */
export const DayTimelineSchema = Type.Object({
  date: LocalDateSchema,
  from: EpochMsSchema,
  to: EpochMsSchema,
  /** One point per recorded minute, oldest first. */
  tti: Type.Array(Type.Object({ at: EpochMsSchema, tti: Type.Union([Type.Number(), Type.Null()]) })),
  events: Type.Array(HistoryEventSchema),
});
export type DayTimeline = Static<typeof DayTimelineSchema>;

/** Figures of one day for the comparison (only what is recorded; no river or bike figures yet). */
export const DaySummarySchema = Type.Object({
  date: LocalDateSchema,
  /** Mean network TTI over the peak hours 07:00-09:00 and 17:00-19:00 local (AMap-style delay index). */
  peakDelayIndex: Type.Union([Type.Number(), Type.Null()]),
  maxTti: Type.Union([Type.Number(), Type.Null()]),
  /** Hours of the day whose mean network TPI is in level 3 (轻度拥堵) or worse, i.e. TPI >= 4. */
  hoursCongested: Type.Number({ minimum: 0 }),
  /** Alert events counted by `kind`. */
  alertsByKind: Type.Record(Type.String(), Type.Integer({ minimum: 0 })),
  /** Case events counted by `kind` (outcomes such as `closed`, `dismissed`, `auto-resolved`). */
  casesByOutcome: Type.Record(Type.String(), Type.Integer({ minimum: 0 })),
  /** River peaks of the recorded water minutes; absent or null when none were recorded. */
  river: Type.Optional(Type.Union([RiverDayPeaksSchema, Type.Null()])),
  /** Bike violations of the recorded bike minutes; absent or null when none were recorded. */
  bikes: Type.Optional(Type.Union([BikeDayPeaksSchema, Type.Null()])),
});
export type DaySummary = Static<typeof DaySummarySchema>;

/** State of the caller's replay session, sent after every command and while playing. */
export const ReplayStateSchema = Type.Object({
  date: LocalDateSchema,
  at: EpochMsSchema,
  playing: Type.Boolean(),
  speed: Type.Number({ minimum: 0 }),
});
export type ReplayState = Static<typeof ReplayStateSchema>;

/** Speeds the replay offers (recorded seconds per real second). */
export const REPLAY_SPEEDS = [1, 10, 60, 600, 3600] as const;

/** Commands of a replay session; validated by the server. */
export const ReplayCommandSchema = Type.Union([
  Type.Object({ type: Type.Literal('open'), date: LocalDateSchema, at: Type.Optional(EpochMsSchema) }),
  Type.Object({ type: Type.Literal('seek'), at: EpochMsSchema }),
  Type.Object({ type: Type.Literal('play'), speed: Type.Number({ minimum: 1, maximum: 3600 }) }),
  Type.Object({ type: Type.Literal('pause') }),
  /** Moves one recorded frame forward (1) or back (-1), paused. */
  Type.Object({ type: Type.Literal('step'), direction: Type.Union([Type.Literal(1), Type.Literal(-1)]) }),
  Type.Object({ type: Type.Literal('close') }),
]);
export type ReplayCommand = Static<typeof ReplayCommandSchema>;

/** Events the server emits to a replaying client (on the main namespace; the client leaves the live room). */
export interface ReplayServerToClientEvents {
  /** Full recorded state at the replay position (after open, seek, step back). Wire snapshot frame. */
  'replay:snapshot': (frame: ArrayBuffer) => void;
  /** Segments that changed since the previous replay frame. Wire delta frame. */
  'replay:delta': (frame: ArrayBuffer) => void;
  /** Recorded indices at the replay position. */
  'replay:indices': (now: TrafficNow) => void;
  'replay:state': (state: ReplayState) => void;
  /** A command failed (unknown day, bad payload, not allowed). */
  'replay:error': (error: { code: string; message: string }) => void;
}

/** Events a replaying client may emit. */
export interface ReplayClientToServerEvents {
  'replay:command': (command: ReplayCommand) => void;
}

/** One firing of a rule in a backtest or in the record. */
export const BacktestFiringSchema = Type.Object({
  at: EpochMsSchema,
  /** `raised`, `cleared`, ... as the rule engine names the transition. */
  kind: Type.String(),
  targetId: Type.String(),
  severity: Type.Optional(Type.String()),
});
export type BacktestFiring = Static<typeof BacktestFiringSchema>;

export const BacktestResultSchema = Type.Object({
  date: LocalDateSchema,
  ruleId: Type.String(),
  evaluations: Type.Integer({ minimum: 0 }),
  /** When the rule would have fired over the recorded day. */
  wouldHaveFired: Type.Array(BacktestFiringSchema),
  /** What the record says actually fired for that rule. */
  actuallyFired: Type.Array(BacktestFiringSchema),
});
export type BacktestResult = Static<typeof BacktestResultSchema>;

/** The typical day for a date (`GET /api/v1/history/days/:date/typical`): the learnt network TTI profile. */
export const TypicalDaySchema = Type.Object({
  /** The typical weekday or weekend curve on the date's clock; no events. */
  timeline: DayTimelineSchema,
  summary: DaySummarySchema,
  /** Past days the profile was learnt from (0: no curve). */
  daysLearned: Type.Integer({ minimum: 0 }),
});
export type TypicalDay = Static<typeof TypicalDaySchema>;
