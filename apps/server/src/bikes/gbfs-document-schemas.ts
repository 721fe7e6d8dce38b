import { Type, type TSchema } from '@sinclair/typebox';
import type { GbfsFile, GbfsVersion } from '@cbo/contracts';

/**
 * The project's own JSON Schemas of the GBFS documents it reads, one per (version, file): the fields the
 * ingest uses, with the types, ranges and required lists of the official GBFS 2.3 and 3.0 schemas
 * (MobilityData/gbfs-json-schema). Unknown fields are allowed, as GBFS allows extensions. Tests check that every
 * official fixture passes both these and the official schemas (docs/bikes.md).
 */

const Lat = Type.Number({ minimum: -90, maximum: 90 });
const Lon = Type.Number({ minimum: -180, maximum: 180 });
const Count = Type.Integer({ minimum: 0 });
const Id = Type.String();
const Localized = Type.Array(Type.Object({ text: Type.String(), language: Type.String() }), { minItems: 1 });
const Posix = Type.Integer({ minimum: 1_450_000_000 });
const Rfc3339 = Type.String({ format: 'date-time' });

const envelope = (version: GbfsVersion, data: TSchema): TSchema =>
  Type.Object({
    last_updated: version === '2.3' ? Posix : Rfc3339,
    ttl: Type.Integer({ minimum: 0 }),
    // Older 2.x minors are read as 2.3 (their files are subsets); the ingest reports them as a problem.
    version: version === '2.3' ? Type.String({ pattern: '^2\\.[0-3]$' }) : Type.Literal(version),
    data,
  });

const Feeds = Type.Object({
  feeds: Type.Array(Type.Object({ name: Type.String(), url: Type.String({ format: 'uri' }) })),
});

const MultiPolygon = Type.Object({
  type: Type.Literal('MultiPolygon'),
  coordinates: Type.Array(
    Type.Array(Type.Array(Type.Array(Type.Number(), { minItems: 2 }), { minItems: 4 })),
  ),
});

const stationInformation = (version: GbfsVersion): TSchema =>
  Type.Object({
    stations: Type.Array(
      Type.Object({
        station_id: Id,
        name: version === '2.3' ? Type.String() : Localized,
        lat: Lat,
        lon: Lon,
        capacity: Type.Optional(Count),
        is_virtual_station: Type.Optional(Type.Boolean()),
        station_area: Type.Optional(MultiPolygon),
      }),
    ),
  });

const stationStatus = (version: GbfsVersion): TSchema =>
  Type.Object({
    stations: Type.Array(
      Type.Object({
        station_id: Id,
        ...(version === '2.3'
          ? { num_bikes_available: Count, num_bikes_disabled: Type.Optional(Count) }
          : { num_vehicles_available: Count, num_vehicles_disabled: Type.Optional(Count) }),
        num_docks_available: Type.Optional(Count),
        is_installed: Type.Boolean(),
        is_renting: Type.Boolean(),
        is_returning: Type.Boolean(),
        last_reported: version === '2.3' ? Posix : Rfc3339,
      }),
    ),
  });

const vehicle = (version: GbfsVersion): TSchema =>
  Type.Object({
    [version === '2.3' ? 'bike_id' : 'vehicle_id']: Id,
    lat: Type.Optional(Lat),
    lon: Type.Optional(Lon),
    is_reserved: Type.Boolean(),
    is_disabled: Type.Boolean(),
    vehicle_type_id: Type.Optional(Id),
    station_id: Type.Optional(Id),
    last_reported: Type.Optional(version === '2.3' ? Posix : Rfc3339),
  });

const rule = (version: GbfsVersion): TSchema =>
  Type.Object(
    version === '2.3'
      ? { ride_allowed: Type.Boolean(), ride_through_allowed: Type.Boolean() }
      : {
          ride_start_allowed: Type.Boolean(),
          ride_end_allowed: Type.Boolean(),
          ride_through_allowed: Type.Boolean(),
        },
  );

const geofencing = (version: GbfsVersion): TSchema =>
  Type.Object({
    geofencing_zones: Type.Object({
      type: Type.Literal('FeatureCollection'),
      features: Type.Array(
        Type.Object({
          type: Type.Literal('Feature'),
          geometry: MultiPolygon,
          properties: Type.Object({
            name: Type.Optional(version === '2.3' ? Type.String() : Localized),
            rules: Type.Optional(Type.Array(rule(version))),
          }),
        }),
      ),
    }),
    ...(version === '3.0' ? { global_rules: Type.Array(rule(version)) } : {}),
  });

const dataSchema = (version: GbfsVersion, file: GbfsFile): TSchema | null => {
  switch (file) {
    case 'gbfs':
      return version === '2.3'
        ? Type.Record(Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z]{2,4})?$' }), Feeds)
        : Feeds;
    case 'system_information':
      return Type.Object({
        system_id: Id,
        ...(version === '2.3'
          ? { language: Type.String(), name: Type.String() }
          : {
              languages: Type.Array(Type.String()),
              name: Localized,
              opening_hours: Type.String(),
              feed_contact_email: Type.String({ format: 'email' }),
            }),
        timezone: Type.String(),
      });
    case 'station_information':
      return stationInformation(version);
    case 'station_status':
      return stationStatus(version);
    case 'free_bike_status':
      return version === '2.3' ? Type.Object({ bikes: Type.Array(vehicle(version)) }) : null;
    case 'vehicle_status':
      return version === '3.0' ? Type.Object({ vehicles: Type.Array(vehicle(version)) }) : null;
    case 'vehicle_types':
      return Type.Object({
        vehicle_types: Type.Array(
          Type.Object({ vehicle_type_id: Id, form_factor: Type.String(), propulsion_type: Type.String() }),
        ),
      });
    case 'geofencing_zones':
      return geofencing(version);
    default:
      return null;
  }
};

/** The schema of a GBFS document of `file` in `version`, or null when the version has no such file. */
export function gbfsDocumentSchema(version: GbfsVersion, file: GbfsFile): TSchema | null {
  const data = dataSchema(version, file);
  return data === null ? null : envelope(version, data);
}
