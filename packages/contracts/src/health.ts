import { Type, type Static } from '@sinclair/typebox';
import { EpochMsSchema } from './units';

export const FeedHealthSchema = Type.Object({
  feed: Type.String(),
  /** Newest observation time accepted on this feed, or null when none yet. */
  lastObservedAt: Type.Union([EpochMsSchema, Type.Null()]),
  /** Server time the newest batch arrived. */
  lastReceivedAt: Type.Union([EpochMsSchema, Type.Null()]),
  /** Accepted observations per second over the last minute. */
  ratePerSec: Type.Number({ minimum: 0 }),
  /** True when nothing arrived within the feed's stale threshold. */
  stale: Type.Boolean(),
});
export type FeedHealth = Static<typeof FeedHealthSchema>;

export const HealthSchema = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  now: EpochMsSchema,
  uptimeS: Type.Number(),
  feeds: Type.Array(FeedHealthSchema),
});
export type Health = Static<typeof HealthSchema>;
