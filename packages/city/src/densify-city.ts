import type { CityDocument, LngLat, RoadSegment } from '@cbo/contracts';
import { assembleCity } from './assemble-city';
import { directionOf } from './build-city';
import type { City } from './city';
import { hashSegmentIds } from './hash-segment-ids';
import { haversineM, metresPerDegree, roundCoordinate } from './haversine-m';
import { linkUpstream } from './link-upstream';
import { mulberry32 } from './mulberry32';
import { insideByCrossings, ringCrossingsAtLat } from './point-in-rings';

/** Options of {@link densifyCity}. */
export interface DensifyOptions {
  /** Exact number of segments the densified city has; at least the current count. */
  targetSegments: number;
  /** Seed of the generator; the same city, target and seed always give the same streets. */
  seed: number;
}

/** Candidate grid edges per generated street wanted, so that selection can favour the centre. */
const OVERSAMPLE = 2.5;
/** Distance scale of the centre preference, metres: weight `exp(-distance / scale)`. */
const CENTRE_SCALE_M = 9000;
/** Every fifth grid line is a secondary road; the others are branch streets. */
const SECONDARY_EVERY = 5;

interface Candidate {
  horizontal: boolean;
  i: number;
  j: number;
  district: number;
  a: LngLat;
  b: LngLat;
  key: number;
}

/**
 * Adds a generated street grid of secondary and branch roads inside the district polygons (never with
 * an end or midpoint in a water polygon) until the city has exactly `targetSegments` segments. Streets
 * are two-way (one oneway street when the remainder is odd), denser towards the city centre, linked
 * upstream with each other and with the existing roads. Deterministic for a given seed.
 */
export function densifyCity(city: City, options: DensifyOptions): City {
  const { targetSegments, seed } = options;
  if (!Number.isInteger(targetSegments) || targetSegments < city.segmentCount) {
    throw new RangeError(`targetSegments must be an integer >= ${city.segmentCount}, got ${targetSegments}`);
  }
  const need = targetSegments - city.segmentCount;
  if (need === 0) return city;
  const doc = city.document;
  const random = mulberry32(seed);
  const areaM2 = districtAreaM2(doc);
  let spacingM = Math.sqrt((4 * areaM2) / (OVERSAMPLE * need));
  let chosen: Candidate[] = [];
  for (let attempt = 0; attempt < 12; attempt += 1) {
    const candidates = gridCandidates(doc, spacingM, random);
    if (candidates.length * 2 >= need) {
      chosen = pickCandidates(candidates, Math.ceil(need / 2));
      break;
    }
    spacingM *= 0.7;
  }
  if (chosen.length === 0) throw new Error(`cannot place ${need} generated segments in the districts`);
  const generated = generatedSegments(doc, chosen, need);
  const all = [...doc.segments.map((s) => ({ ...s, upstreamIds: [] as string[] })), ...generated];
  all.forEach((s, index) => (s.index = index));
  const upstream = linkUpstream(
    all.map((s) => ({ roadId: s.roadId, direction: directionOf(s.id), path: s.path })),
  );
  all.forEach((s, index) => (s.upstreamIds = (upstream[index] ?? []).map((j) => (all[j] as RoadSegment).id)));
  const document: CityDocument = {
    ...doc,
    segments: all,
    segmentsHash: hashSegmentIds(all.map((s) => s.id)),
  };
  return assembleCity(document);
}

function districtAreaM2(doc: CityDocument): number {
  let area = 0;
  for (const d of doc.districts) {
    for (const polygon of d.polygons) {
      polygon.forEach((ring, r) => {
        const { lngM, latM } = metresPerDegree((ring[0] as LngLat)[1]);
        let twice = 0;
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
          const a = ring[i] as LngLat;
          const b = ring[j] as LngLat;
          twice += (b[0] - a[0]) * lngM * (b[1] + a[1]) * latM;
        }
        area += (r === 0 ? 1 : -1) * Math.abs(twice / 2);
      });
    }
  }
  return area;
}

/** Every grid edge whose midpoint is in a district and whose ends and midpoint are out of the water. */
function gridCandidates(doc: CityDocument, spacingM: number, random: () => number): Candidate[] {
  const [west, south, east, north] = doc.bounds;
  const { lngM, latM } = metresPerDegree((south + north) / 2);
  const stepLng = spacingM / lngM;
  const stepLat = spacingM / latM;
  const lng0 = west + random() * stepLng;
  const lat0 = south + random() * stepLat;
  const columns = Math.floor((east - lng0) / stepLng) + 1;
  const rows = Math.floor((north - lat0) / stepLat) + 1;
  const districtRings = doc.districts.map((d) => d.polygons.flat());
  const waterRings = doc.water.filter((w) => w.polygon).map((w) => w.polygon as LngLat[][]);
  const [cLng, cLat] = doc.center;
  const out: Candidate[] = [];
  const lngAt = (i: number): number => lng0 + i * stepLng;
  const scan = (lat: number) => ({
    districts: districtRings.map((rings) => ringCrossingsAtLat(rings, lat)),
    water: waterRings.map((rings) => ringCrossingsAtLat(rings, lat)),
  });
  const wet = (s: ReturnType<typeof scan>, lng: number): boolean =>
    s.water.some((c) => insideByCrossings(c, lng));
  const districtAt = (s: ReturnType<typeof scan>, lng: number): number =>
    s.districts.findIndex((c) => insideByCrossings(c, lng));
  const push = (
    horizontal: boolean,
    i: number,
    j: number,
    district: number,
    a: LngLat,
    b: LngLat,
    mid: LngLat,
  ): void => {
    const dM = Math.hypot((mid[0] - cLng) * lngM, (mid[1] - cLat) * latM);
    const weight = Math.exp(-dM / CENTRE_SCALE_M);
    out.push({ horizontal, i, j, district, a, b, key: -Math.log(1 - random()) / weight });
  };
  let row = scan(lat0);
  for (let j = 0; j < rows; j += 1) {
    const lat = lat0 + j * stepLat;
    const half = scan(lat + stepLat / 2);
    const next = scan(lat + stepLat);
    for (let i = 0; i < columns; i += 1) {
      const lng = lngAt(i);
      if (wet(row, lng)) continue;
      if (i + 1 < columns && !wet(row, lngAt(i + 1)) && !wet(row, lng + stepLng / 2)) {
        const d = districtAt(row, lng + stepLng / 2);
        if (d >= 0) push(true, i, j, d, [lng, lat], [lngAt(i + 1), lat], [lng + stepLng / 2, lat]);
      }
      if (j + 1 < rows && !wet(next, lng) && !wet(half, lng)) {
        const d = districtAt(half, lng);
        if (d >= 0) push(false, i, j, d, [lng, lat], [lng, lat + stepLat], [lng, lat + stepLat / 2]);
      }
    }
    row = next;
  }
  return out;
}

/** The `count` candidates with the smallest keys (weighted sampling without replacement), in grid order. */
function pickCandidates(candidates: Candidate[], count: number): Candidate[] {
  const keys = Float64Array.from(candidates, (c) => c.key).sort();
  const threshold = keys[count - 1] as number;
  const picked: Candidate[] = [];
  for (const c of candidates) if (c.key <= threshold && picked.length < count) picked.push(c);
  return picked;
}

function generatedSegments(doc: CityDocument, chosen: Candidate[], need: number): RoadSegment[] {
  const out: RoadSegment[] = [];
  for (let k = 0; k < chosen.length && out.length < need; k += 1) {
    const c = chosen[k] as Candidate;
    const line = c.horizontal ? c.j : c.i;
    const roadId = `gen-${c.horizontal ? 'h' : 'v'}${line}`;
    const piece = String(c.horizontal ? c.i : c.j).padStart(4, '0');
    const secondary = line % SECONDARY_EVERY === 0;
    const a: LngLat = [roundCoordinate(c.a[0]), roundCoordinate(c.a[1])];
    const b: LngLat = [roundCoordinate(c.b[0]), roundCoordinate(c.b[1])];
    const base = {
      roadId,
      nameZh: `${c.horizontal ? '网格横街' : '网格纵街'}${line}`,
      nameEn: `Grid street ${c.horizontal ? 'H' : 'V'}${line}`,
      roadClass: secondary ? ('secondary' as const) : ('branch' as const),
      lanes: secondary ? 2 : 1,
      freeFlowKmh: secondary ? 40 : 30,
      lengthM: haversineM(a, b),
      districtId: doc.districts[c.district]?.id ?? '',
      upstreamIds: [],
      index: 0,
    };
    out.push({ ...base, id: `${roadId}:f:${piece}`, path: [a, b] });
    if (out.length < need) out.push({ ...base, id: `${roadId}:b:${piece}`, path: [b, a] });
  }
  return out;
}
