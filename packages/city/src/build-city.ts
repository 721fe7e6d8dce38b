import type { CityDocument, District, LngLat, RoadSegment } from '@cbo/contracts';
import { assembleCity } from './assemble-city';
import type { City, CityFixture } from './city';
import { CityFixtureError } from './city-fixture-error';
import { createDistrictLocator } from './district-locator';
import { hashSegmentIds } from './hash-segment-ids';
import { pathLengthM, roundCoordinate } from './haversine-m';
import { linkUpstream } from './link-upstream';
import { labelPoint } from './point-in-rings';
import { splitPath } from './split-path';
import { validateCityFixture } from './validate-city-fixture';
import type { FixtureRoad, ValidCityFixture } from './validate-city-fixture';

/** Options of {@link buildCity} and {@link parseCityFixture}. */
export interface BuildCityOptions {
  /** Target length of a directed segment, metres; roads are cut into equal pieces near it. @default 400 */
  segmentLengthM?: number;
}

/** Default target segment length, metres. */
export const DEFAULT_SEGMENT_LENGTH_M = 400;

/** Validates a fixture and builds the city; bad input comes back as `{ errors }` naming each bad value. */
export function parseCityFixture(
  fixture: CityFixture,
  options: BuildCityOptions = {},
): { city: City } | { errors: string[] } {
  const segmentLengthM = options.segmentLengthM ?? DEFAULT_SEGMENT_LENGTH_M;
  if (!(segmentLengthM > 0))
    return { errors: [`options.segmentLengthM: expected a positive number, got ${segmentLengthM}`] };
  const result = validateCityFixture(fixture);
  if ('errors' in result) return result;
  return { city: assembleCity(documentFromFixture(result.fixture, segmentLengthM)) };
}

/** Builds the city from a fixture; throws {@link CityFixtureError} listing every validation error. */
export function buildCity(fixture: CityFixture, options: BuildCityOptions = {}): City {
  const result = parseCityFixture(fixture, options);
  if ('errors' in result) throw new CityFixtureError(result.errors);
  return result.city;
}

function pieceNumber(i: number, count: number): string {
  return String(i).padStart(Math.max(3, String(count - 1).length), '0');
}

/** Cuts one road into directed segments, forward then (unless oneway) backward. */
function roadSegments(
  road: FixtureRoad,
  segmentLengthM: number,
): Omit<RoadSegment, 'index' | 'districtId' | 'upstreamIds'>[] {
  const pieces = splitPath(road.path, segmentLengthM);
  const base = {
    roadId: road.id,
    nameZh: road.nameZh,
    nameEn: road.nameEn,
    roadClass: road.roadClass,
    lanes: road.lanes,
    freeFlowKmh: road.freeFlowKmh,
  };
  const out = pieces.map((path, i) => ({
    ...base,
    id: `${road.id}:f:${pieceNumber(i, pieces.length)}`,
    path,
    lengthM: pathLengthM(path),
  }));
  if (!road.oneway) {
    const reversed = pieces.map((p) => [...p].reverse()).reverse();
    reversed.forEach((path, i) =>
      out.push({
        ...base,
        id: `${road.id}:b:${pieceNumber(i, pieces.length)}`,
        path,
        lengthM: pathLengthM(path),
      }),
    );
  }
  return out;
}

/** The point halfway along a path by length. */
function midpointOf(path: readonly LngLat[]): LngLat {
  const half = pathLengthM(path) / 2;
  let walked = 0;
  for (let i = 1; i < path.length; i += 1) {
    const a = path[i - 1] as LngLat;
    const b = path[i] as LngLat;
    const leg = pathLengthM([a, b]);
    if (walked + leg >= half) {
      const t = leg === 0 ? 0 : (half - walked) / leg;
      return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
    }
    walked += leg;
  }
  return path[path.length - 1] as LngLat;
}

/** Extends `[west, south, east, north]` by the points. */
function extend(bounds: [number, number, number, number], points: Iterable<LngLat>): void {
  for (const p of points) {
    bounds[0] = Math.min(bounds[0], p[0]);
    bounds[1] = Math.min(bounds[1], p[1]);
    bounds[2] = Math.max(bounds[2], p[0]);
    bounds[3] = Math.max(bounds[3], p[1]);
  }
}

function documentFromFixture(fixture: ValidCityFixture, segmentLengthM: number): CityDocument {
  const districts: District[] = fixture.districts.map((d) => {
    const largest = d.polygons.reduce((a, b) => ((b[0]?.length ?? 0) > (a[0]?.length ?? 0) ? b : a));
    return {
      id: d.id,
      nameZh: d.nameZh,
      nameEn: d.nameEn,
      polygons: d.polygons,
      labelAt: labelPoint(largest),
    };
  });
  const locator = createDistrictLocator(fixture.districts.map((d) => d.polygons));
  const raw = fixture.roads.flatMap((road) => roadSegments(road, segmentLengthM));
  const upstream = linkUpstream(
    raw.map((s) => ({ roadId: s.roadId, direction: directionOf(s.id), path: s.path })),
  );
  const segments: RoadSegment[] = raw.map((s, index) => ({
    ...s,
    index,
    districtId: districts[locator.locateOrNearest(midpointOf(s.path))]?.id ?? '',
    upstreamIds: (upstream[index] ?? []).map((j) => (raw[j] as { id: string }).id),
  }));
  const roadBounds: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const s of segments) extend(roadBounds, s.path);
  const bounds: [number, number, number, number] = [...roadBounds];
  for (const d of districts) for (const poly of d.polygons) for (const ring of poly) extend(bounds, ring);
  for (const w of fixture.water) {
    if (w.line) extend(bounds, w.line);
    for (const ring of w.polygon ?? []) extend(bounds, ring);
  }
  const center: LngLat = [
    roundCoordinate((roadBounds[0] + roadBounds[2]) / 2, 5),
    roundCoordinate((roadBounds[1] + roadBounds[3]) / 2, 5),
  ];
  return {
    id: fixture.meta.id,
    nameZh: fixture.meta.nameZh,
    nameEn: fixture.meta.nameEn,
    timeZone: fixture.meta.timeZone,
    segmentsHash: hashSegmentIds(segments.map((s) => s.id)),
    bounds,
    center,
    districts,
    water: fixture.water,
    segments,
  };
}

/** The direction letter of a segment id `<roadId>:<f|b>:<piece>`. */
export function directionOf(segmentId: string): string {
  const parts = segmentId.split(':');
  return parts[parts.length - 2] ?? 'f';
}
