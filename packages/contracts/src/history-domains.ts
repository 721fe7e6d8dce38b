import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { EpochMsSchema, IdSchema } from './units';
import { WarningColourSchema, WaterClassSchema } from './river';

const Count = Type.Integer({ minimum: 0 });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** Water at one recorded minute: per gauge its level and colour, per station its class, and the counts. */
export const RiverMinuteSchema = Type.Object({
  at: EpochMsSchema,
  gauges: Type.Array(
    Type.Object({ gaugeId: IdSchema, levelM: Nullable(Type.Number()), colour: WarningColourSchema }),
  ),
  stations: Type.Array(Type.Object({ stationId: IdSchema, waterClass: Nullable(WaterClassSchema) })),
  gaugesByColour: Type.Object({ none: Count, blue: Count, yellow: Count, orange: Count, red: Count }),
  /** Stations per class, index 0 = class I ... 5 = 劣V. */
  stationsByClass: Type.Array(Count, { minItems: 6, maxItems: 6 }),
  stationsUnknownClass: Count,
  /** Pollution events in the 24 h before the minute. */
  events24h: Count,
});
export type RiverMinute = Static<typeof RiverMinuteSchema>;

/** Bike counts of a scope at one recorded minute. */
export const BikeMinuteCountsSchema = Type.Object({
  fleet: Count,
  parked: Count,
  inUse: Count,
  rideRate: Nullable(Type.Number({ minimum: 0, maximum: 1 })),
  inNoParking: Count,
  unpermitted: Count,
});
export type BikeMinuteCounts = Static<typeof BikeMinuteCountsSchema>;

/** Shared bikes at one recorded minute: network and per-operator counts, saturated parking zones. */
export const BikesMinuteSchema = Type.Object({
  at: EpochMsSchema,
  network: BikeMinuteCountsSchema,
  operators: Type.Array(Type.Intersect([Type.Object({ operatorId: Type.String() }), BikeMinuteCountsSchema])),
  saturatedZones: Count,
});
export type BikesMinute = Static<typeof BikesMinuteSchema>;

/** `GET /api/v1/history/days/:date/domains?at=`: the recorded minutes at or before `at` within the day. */
export const DomainMinutesSchema = Type.Object({
  date: Type.String(),
  at: EpochMsSchema,
  river: Nullable(RiverMinuteSchema),
  bikes: Nullable(BikesMinuteSchema),
});
export type DomainMinutes = Static<typeof DomainMinutesSchema>;

/** River peaks of a day summary (from the recorded minutes). */
export const RiverDayPeaksSchema = Type.Object({
  /** Highest warning colour any gauge reached. */
  worstColour: WarningColourSchema,
  /** Most gauges at that colour in one minute. */
  gaugesAtWorst: Count,
  /** Worst water class any station had (6 = 劣V), null without a class. */
  worstWaterClass: Nullable(WaterClassSchema),
  /** Pollution events in the 24 h up to the day's last recorded minute (the day's events when recorded to its end). */
  pollutionEvents: Count,
});
export type RiverDayPeaks = Static<typeof RiverDayPeaksSchema>;

/** Bike violations of a day summary: peaks of the recorded minutes. */
export const BikeDayPeaksSchema = Type.Object({
  peakInNoParking: Count,
  peakUnpermitted: Count,
  peakSaturatedZones: Count,
});
export type BikeDayPeaks = Static<typeof BikeDayPeaksSchema>;
