import { Type, type Static } from '@sinclair/typebox';

/** Milliseconds since the Unix epoch, UTC. Every time on the wire and in the store is one of these. */
export const EpochMsSchema = Type.Integer({ minimum: 0, description: 'epoch milliseconds, UTC' });
export type EpochMs = number;

/** A WGS-84 position as `[longitude, latitude]` in degrees. Never `[lat, lng]`. */
export const LngLatSchema = Type.Tuple(
  [Type.Number({ minimum: -180, maximum: 180 }), Type.Number({ minimum: -90, maximum: 90 })],
  { description: '[lng, lat], WGS-84 degrees' },
);
export type LngLat = [lng: number, lat: number];

/** A closed ring of positions, first equal to last. */
export type LinearRing = LngLat[];
/** GeoJSON-style polygon coordinates: outer ring then holes. */
export type PolygonCoordinates = LinearRing[];
/** GeoJSON-style multipolygon coordinates. */
export type MultiPolygonCoordinates = PolygonCoordinates[];

export const IdSchema = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$' });
export type Id = Static<typeof IdSchema>;
