import { Type, type Static, type TLiteral, type TUnion } from '@sinclair/typebox';
import { EpochMsSchema, LngLatSchema } from './units';

/**
 * Shared bikes: the one model every GBFS feed (2.3 and 3.0, polled or pushed) and the simulator normalise to,
 * the REST bodies of `/api/v1/bikes/*` and the socket events. Semantics: docs/bikes.md; metrics: docs/indices.md
 * section 4; binary frames: `@cbo/wire` (`encodeBikeSnapshot` / `encodeBikeDelta`).
 */

const literals = <T extends readonly string[]>(values: T): TUnion<TLiteral<T[number]>[]> =>
  Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnion<TLiteral<T[number]>[]>;

/** Ids from outside feeds are kept as published (GBFS ids are free strings), bounded in length. */
export const BikeIdSchema = Type.String({ minLength: 1, maxLength: 200 });

/** GBFS versions the ingest accepts. */
export const GBFS_VERSIONS = ['2.3', '3.0'] as const;
export const GbfsVersionSchema = literals(GBFS_VERSIONS);
export type GbfsVersion = (typeof GBFS_VERSIONS)[number];

/** GBFS files the ingest reads (`free_bike_status` is 2.3, `vehicle_status` 3.0). */
export const GBFS_FILES = [
  'gbfs',
  'system_information',
  'station_information',
  'station_status',
  'free_bike_status',
  'vehicle_status',
  'vehicle_types',
  'geofencing_zones',
] as const;
export const GbfsFileSchema = literals(GBFS_FILES);
export type GbfsFile = (typeof GBFS_FILES)[number];

/**
 * State of a bike. `in-use`: on a trip; `faulty`: GBFS `is_disabled`; `reserved`: GBFS `is_reserved`;
 * `parked`: available. The wire code is the index in this list.
 */
export const BIKE_STATES = ['parked', 'in-use', 'faulty', 'reserved'] as const;
export const BikeStateSchema = literals(BIKE_STATES);
export type BikeState = (typeof BIKE_STATES)[number];

/** Kinds of zone: a no-parking polygon (GBFS `ride_end_allowed: false`) or a parking fence with a capacity. */
export const BIKE_ZONE_KINDS = ['no-parking', 'parking'] as const;
export const BikeZoneKindSchema = literals(BIKE_ZONE_KINDS);
export type BikeZoneKind = (typeof BIKE_ZONE_KINDS)[number];

/** A bike operator (one GBFS system, or one operator of the simulator) with its permit quota. */
export const BikeOperatorSchema = Type.Object({
  id: BikeIdSchema,
  nameZh: Type.String(),
  nameEn: Type.String(),
  /** Docked public-bike system (stations) or dockless fleet. */
  dockless: Type.Boolean(),
  /** Bikes the operator may deploy (投放配额); null when no quota is set (e.g. a foreign city's feed). */
  quota: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  /** True when the operator's bikes carry permit ids, so a bike without one is an illegal deployment. */
  permitsIssued: Type.Boolean(),
  /** Unit that operator cases are dispatched to (`fixtures/units.json`), or null. */
  unitId: Type.Union([Type.String(), Type.Null()]),
  /** Wire operator byte (index in the server's operator list). */
  code: Type.Integer({ minimum: 0, maximum: 255 }),
});
export type BikeOperator = Static<typeof BikeOperatorSchema>;

/** A GBFS system as read from `system_information`. */
export const BikeSystemSchema = Type.Object({
  feedId: BikeIdSchema,
  systemId: BikeIdSchema,
  name: Type.String(),
  operatorId: BikeIdSchema,
  timeZone: Type.String(),
  version: GbfsVersionSchema,
});
export type BikeSystem = Static<typeof BikeSystemSchema>;

/** A station (docked, or a GBFS virtual station). Ids are `feedId:station_id`. */
export const BikeStationSchema = Type.Object({
  id: BikeIdSchema,
  feedId: BikeIdSchema,
  operatorId: BikeIdSchema,
  name: Type.String(),
  position: LngLatSchema,
  /** Docks (GBFS `capacity`), null when not published. */
  capacity: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  isVirtual: Type.Boolean(),
  /** District of the default city containing the station, null outside it (another city's feed). */
  districtId: Type.Union([Type.String(), Type.Null()]),
});
export type BikeStation = Static<typeof BikeStationSchema>;

/** Station fill state; thresholds in docs/indices.md section 4. */
export const STATION_FILL_STATES = ['empty', 'low', 'ok', 'high', 'full', 'unknown'] as const;
export type StationFillState = (typeof STATION_FILL_STATES)[number];

/** Latest status of a station with its fill and the 30-minute forecast. */
export const BikeStationStatusSchema = Type.Object({
  stationId: BikeIdSchema,
  bikesAvailable: Type.Integer({ minimum: 0 }),
  bikesDisabled: Type.Integer({ minimum: 0 }),
  docksAvailable: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  isRenting: Type.Boolean(),
  isReturning: Type.Boolean(),
  reportedAt: EpochMsSchema,
  /** bikesAvailable / capacity (0-1), null without a capacity. */
  fill: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]),
  state: literals(STATION_FILL_STATES),
  /** Net bikes per hour over the last hour (returns minus rentals), 0 without history. */
  netFlowPerHour: Type.Number(),
  /** Forecast: empty (0 bikes) within 30 min at the current net flow. */
  emptySoon: Type.Boolean(),
  /** Forecast: full (0 docks) within 30 min at the current net flow. */
  fullSoon: Type.Boolean(),
});
export type BikeStationStatus = Static<typeof BikeStationStatusSchema>;

/** A station as `GET /bikes/stations` lists it. */
export const BikeStationViewSchema = Type.Intersect([
  BikeStationSchema,
  Type.Object({ status: Type.Union([BikeStationStatusSchema, Type.Null()]) }),
]);
export type BikeStationView = Static<typeof BikeStationViewSchema>;

/** A normalised dockless vehicle (GBFS `free_bike_status.bikes[]` / `vehicle_status.vehicles[]`). */
export const BikeVehicleSchema = Type.Object({
  id: BikeIdSchema,
  feedId: BikeIdSchema,
  operatorId: BikeIdSchema,
  /** Permit (registration) id, null when the bike has none. */
  permitId: Type.Union([Type.String(), Type.Null()]),
  position: Type.Union([LngLatSchema, Type.Null()]),
  state: BikeStateSchema,
  vehicleTypeId: Type.Union([Type.String(), Type.Null()]),
  /** Docked at this station (`feedId:station_id`), or null. */
  stationId: Type.Union([BikeIdSchema, Type.Null()]),
  /** Zones containing the position. */
  zoneIds: Type.Array(Type.String()),
  districtId: Type.Union([Type.String(), Type.Null()]),
  reportedAt: EpochMsSchema,
});
export type BikeVehicle = Static<typeof BikeVehicleSchema>;

/** A vehicle type (GBFS `vehicle_types`). */
export const BikeVehicleTypeSchema = Type.Object({
  id: BikeIdSchema,
  feedId: BikeIdSchema,
  formFactor: Type.String(),
  propulsionType: Type.String(),
  name: Type.String(),
});
export type BikeVehicleType = Static<typeof BikeVehicleTypeSchema>;

/** A geofencing zone: no-parking polygon, or parking fence with a capacity. Polygon rings are `[lng, lat]`. */
export const BikeZoneSchema = Type.Object({
  id: BikeIdSchema,
  kind: BikeZoneKindSchema,
  nameZh: Type.String(),
  nameEn: Type.String(),
  /** Parking fences: bikes the fence holds; null for no-parking zones. */
  capacity: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  districtId: Type.Union([Type.String(), Type.Null()]),
  /** MultiPolygon coordinates, WGS-84. */
  polygons: Type.Array(Type.Array(Type.Array(LngLatSchema))),
  /** Feed the zone came from (GBFS geofencing_zones or virtual station area), or null for the city fixture. */
  feedId: Type.Union([BikeIdSchema, Type.Null()]),
});
export type BikeZone = Static<typeof BikeZoneSchema>;

/** Counts of one area or operator. Definitions: docs/indices.md section 4. */
export const BikeCountsSchema = Type.Object({
  /** Fleet: every known bike of the scope (parked + inUse + faulty + reserved). */
  fleet: Type.Integer({ minimum: 0 }),
  parked: Type.Integer({ minimum: 0 }),
  inUse: Type.Integer({ minimum: 0 }),
  faulty: Type.Integer({ minimum: 0 }),
  reserved: Type.Integer({ minimum: 0 }),
  /** 骑行率: inUse / fleet, 0-1; null with an empty fleet. */
  rideRate: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]),
  /** Parked bikes inside a no-parking zone. */
  inNoParking: Type.Integer({ minimum: 0 }),
  /** Bikes of permit-issuing operators without a permit (违规投放). */
  unpermitted: Type.Integer({ minimum: 0 }),
});
export type BikeCounts = Static<typeof BikeCountsSchema>;

export const BikeDistrictMetricsSchema = Type.Intersect([
  Type.Object({ districtId: Type.String() }),
  BikeCountsSchema,
]);
export type BikeDistrictMetrics = Static<typeof BikeDistrictMetricsSchema>;

export const BikeOperatorMetricsSchema = Type.Intersect([
  Type.Object({
    operatorId: Type.String(),
    quota: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
    /** fleet - quota (positive: over quota), null without a quota. */
    fleetOverQuota: Type.Union([Type.Integer(), Type.Null()]),
  }),
  BikeCountsSchema,
]);
export type BikeOperatorMetrics = Static<typeof BikeOperatorMetricsSchema>;

/** Zone states: `saturated` parking fence at or over capacity, `violation` no-parking zone holding bikes. */
export const BIKE_ZONE_STATES = ['ok', 'busy', 'saturated', 'violation'] as const;
export type BikeZoneState = (typeof BIKE_ZONE_STATES)[number];

export const BikeZoneStatusSchema = Type.Object({
  zoneId: BikeIdSchema,
  kind: BikeZoneKindSchema,
  parked: Type.Integer({ minimum: 0 }),
  capacity: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  /** parked / capacity, null for no-parking zones. */
  saturation: Type.Union([Type.Number({ minimum: 0 }), Type.Null()]),
  state: literals(BIKE_ZONE_STATES),
});
export type BikeZoneStatus = Static<typeof BikeZoneStatusSchema>;

/** Kinds of problem a feed may show; each is reported, none stops the ingest. */
export const BIKE_FEED_PROBLEM_KINDS = [
  'fetch',
  'schema',
  'version',
  'unknown-station',
  'duplicate',
  'odd-value',
  'out-of-order',
] as const;
export type BikeFeedProblemKind = (typeof BIKE_FEED_PROBLEM_KINDS)[number];

export const BikeFeedProblemSchema = Type.Object({
  at: EpochMsSchema,
  file: Type.String(),
  kind: literals(BIKE_FEED_PROBLEM_KINDS),
  /** JSON path (JSON Pointer) of what is wrong, '' for the whole document. */
  path: Type.String(),
  message: Type.String(),
});
export type BikeFeedProblem = Static<typeof BikeFeedProblemSchema>;

/** Freshness and problems of one GBFS feed. */
export const BikeFeedStatusSchema = Type.Object({
  feedId: BikeIdSchema,
  /** Auto-discovery URL, or null for a push-only feed. */
  url: Type.Union([Type.String(), Type.Null()]),
  version: Type.Union([GbfsVersionSchema, Type.Null()]),
  systemId: Type.Union([Type.String(), Type.Null()]),
  operatorId: Type.Union([Type.String(), Type.Null()]),
  /** Newest `last_updated` accepted, any file. */
  lastUpdatedAt: Type.Union([EpochMsSchema, Type.Null()]),
  /** Server time of the newest accepted document. */
  lastReceivedAt: Type.Union([EpochMsSchema, Type.Null()]),
  /** Smallest `ttl` announced, s. */
  ttlS: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  /** True when no document arrived within max(2 x ttl, 60 s), or the last one was rejected. */
  stale: Type.Boolean(),
  /** Time since the newest accepted document, ms (null before the first). */
  silentMs: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  stations: Type.Integer({ minimum: 0 }),
  vehicles: Type.Integer({ minimum: 0 }),
  documentsAccepted: Type.Integer({ minimum: 0 }),
  documentsRejected: Type.Integer({ minimum: 0 }),
  /** The latest problems, newest first (bounded). */
  problems: Type.Array(BikeFeedProblemSchema),
});
export type BikeFeedStatus = Static<typeof BikeFeedStatusSchema>;

/** `GET /api/v1/bikes/now` and the `bikes:now` event. */
export const BikesNowSchema = Type.Object({
  computedAt: EpochMsSchema,
  network: BikeCountsSchema,
  districts: Type.Array(BikeDistrictMetricsSchema),
  operators: Type.Array(BikeOperatorMetricsSchema),
  zones: Type.Array(BikeZoneStatusSchema),
  stations: Type.Object({
    total: Type.Integer({ minimum: 0 }),
    empty: Type.Integer({ minimum: 0 }),
    full: Type.Integer({ minimum: 0 }),
    emptySoon: Type.Integer({ minimum: 0 }),
    fullSoon: Type.Integer({ minimum: 0 }),
  }),
  feeds: Type.Array(BikeFeedStatusSchema),
  /** Wire frame origin (`[lng, lat]`) and operator codes, for decoding `bikes:*` frames. */
  wire: Type.Object({ origin: LngLatSchema, operators: Type.Array(BikeIdSchema) }),
});
export type BikesNow = Static<typeof BikesNowSchema>;

/** `GET /api/v1/bikes/stations`: every station with its latest status. */
export const BikeStationsResponseSchema = Type.Object({
  computedAt: EpochMsSchema,
  stations: Type.Array(BikeStationViewSchema),
});
export type BikeStationsResponse = Static<typeof BikeStationsResponseSchema>;

/** `GET /api/v1/bikes/zones`: every zone with its state. */
export const BikeZonesResponseSchema = Type.Object({
  computedAt: EpochMsSchema,
  zones: Type.Array(Type.Intersect([BikeZoneSchema, Type.Object({ status: BikeZoneStatusSchema })])),
});
export type BikeZonesResponse = Static<typeof BikeZonesResponseSchema>;

/** `GET /api/v1/bikes/operators` */
export const BikeOperatorsResponseSchema = Type.Object({ operators: Type.Array(BikeOperatorSchema) });
export type BikeOperatorsResponse = Static<typeof BikeOperatorsResponseSchema>;

/** One bucket of an operator's day. */
export const BikeOperatorSeriesPointSchema = Type.Object({
  /** Bucket start. */
  at: EpochMsSchema,
  fleet: Type.Integer({ minimum: 0 }),
  parked: Type.Integer({ minimum: 0 }),
  inUse: Type.Integer({ minimum: 0 }),
  faulty: Type.Integer({ minimum: 0 }),
  rideRate: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]),
  inNoParking: Type.Integer({ minimum: 0 }),
  unpermitted: Type.Integer({ minimum: 0 }),
});
export type BikeOperatorSeriesPoint = Static<typeof BikeOperatorSeriesPointSchema>;

/** `GET /api/v1/bikes/operators/:id/series?date=YYYY-MM-DD&bucketMin=5|15` */
export const BikeOperatorSeriesQuerySchema = Type.Object(
  {
    date: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
    bucketMin: Type.Optional(Type.Union([Type.Literal(5), Type.Literal(15)])),
  },
  { additionalProperties: false },
);
export type BikeOperatorSeriesQuery = Static<typeof BikeOperatorSeriesQuerySchema>;

export const BikeOperatorSeriesSchema = Type.Object({
  operatorId: BikeIdSchema,
  /** Local date (city time zone). */
  date: Type.String(),
  bucketMin: Type.Integer(),
  quota: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  /** Buckets with data, ascending. */
  points: Type.Array(BikeOperatorSeriesPointSchema),
  /** Distribution now (today) or at the last bucket (past day): parked and in use per district. */
  distribution: Type.Array(
    Type.Object({
      districtId: Type.String(),
      parked: Type.Integer({ minimum: 0 }),
      inUse: Type.Integer({ minimum: 0 }),
    }),
  ),
});
export type BikeOperatorSeries = Static<typeof BikeOperatorSeriesSchema>;

/** Answer of `POST /api/v1/ingest/gbfs/:feedId/:file`. */
export const GbfsIngestResultSchema = Type.Object({
  feedId: BikeIdSchema,
  file: Type.String(),
  accepted: Type.Boolean(),
  /** Records (stations, vehicles, zones ...) applied. */
  records: Type.Integer({ minimum: 0 }),
  /** Schema errors with their JSON path; non-empty only when `accepted` is false. */
  errors: Type.Array(Type.Object({ path: Type.String(), message: Type.String() })),
  /** Problems found in an accepted document (unknown stations, duplicates, odd values). */
  problems: Type.Array(BikeFeedProblemSchema),
});
export type GbfsIngestResult = Static<typeof GbfsIngestResultSchema>;

/** Socket.IO room of the bike streams; a client joins with `bikes:subscribe`. */
export const BIKES_ROOM = 'bikes';

/** Server-to-client bike events. Binary frames: `@cbo/wire` `decodeBikeFrame`. */
export interface BikesServerToClientEvents {
  /** Every known bike: after `bikes:subscribe`, and on `bikes:resync`. */
  'bikes:snapshot': (frame: ArrayBuffer) => void;
  /** Bikes that changed since the previous frame (position, state, flags), or disappeared. */
  'bikes:delta': (frame: ArrayBuffer) => void;
  /** Metrics, zones, station counts and feed freshness, every few seconds. */
  'bikes:now': (now: BikesNow) => void;
}

/** Client-to-server bike events (no payload). */
export interface BikesClientToServerEvents {
  /** Join the bikes room; a snapshot follows. */
  'bikes:subscribe': () => void;
  /** Leave the bikes room. */
  'bikes:unsubscribe': () => void;
  /** Ask for a fresh snapshot (after a gap in delta sequence numbers). */
  'bikes:resync': () => void;
}

/** Wire frame kinds of the bike frames (the traffic frame uses 0 and 1). */
export const BIKE_FRAME_KIND_SNAPSHOT = 2;
export const BIKE_FRAME_KIND_DELTA = 3;
/** Bike frame state byte: low 2 bits = index in {@link BIKE_STATES}; flags above. */
export const BIKE_FLAG_NO_PERMIT = 0x10;
export const BIKE_FLAG_IN_NO_PARKING = 0x20;
/** State byte of a bike that left the feed (delta only). */
export const BIKE_STATE_GONE = 0xff;
