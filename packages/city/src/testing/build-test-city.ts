import type { City } from '../city';
import { ROAD_CLASSES } from '@cbo/contracts';
import type { CityDocument, RoadClass, RoadSegment } from '@cbo/contracts';

/** One segment of a hand-built test city. */
export interface TestSegmentSpec {
  roadClass: RoadClass;
  lanes: number;
  lengthM: number;
  freeFlowKmh: number;
  /** Index into the test city's districts. */
  district: number;
  /** Indices of segments flowing into this one. */
  upstream?: number[];
  /** Street the segment belongs to. @default `r<index>` */
  roadId?: string;
}

/** Districts of every test city. */
const TEST_DISTRICT_IDS = ['d-west', 'd-east'] as const;

/**
 * Builds a small {@link City} directly from segment specs, for tests that must not depend on a fixture.
 * Segments are short straight east-west pieces stacked north-south; spatial lookups are not supported.
 */
export function buildTestCity(specs: readonly TestSegmentSpec[]): City {
  const segments: RoadSegment[] = specs.map((spec, index) => ({
    id: `s${index}`,
    index,
    roadId: spec.roadId ?? `r${index}`,
    nameZh: `测试路${index}`,
    nameEn: `Test Road ${index}`,
    roadClass: spec.roadClass,
    lanes: spec.lanes,
    lengthM: spec.lengthM,
    freeFlowKmh: spec.freeFlowKmh,
    districtId: TEST_DISTRICT_IDS[spec.district]!,
    path: [
      [120.1, 30.2 + index * 0.001],
      [120.11, 30.2 + index * 0.001],
    ],
    upstreamIds: (spec.upstream ?? []).map((u) => `s${u}`),
  }));
  const document: CityDocument = {
    id: 'test',
    nameZh: '测试城',
    nameEn: 'Test City',
    timeZone: 'Asia/Shanghai',
    segmentsHash: 0,
    bounds: [120.1, 30.2, 120.11, 30.3],
    center: [120.105, 30.25],
    districts: TEST_DISTRICT_IDS.map((id) => ({
      id,
      nameZh: id,
      nameEn: id,
      polygons: [],
      labelAt: [120.1, 30.2],
    })),
    water: [],
    segments,
  };
  return {
    document,
    segments,
    segmentCount: segments.length,
    segmentIndexById: new Map(segments.map((s) => [s.id, s.index])),
    districtIds: [...TEST_DISTRICT_IDS],
    segmentDistrict: Uint16Array.from(specs, (s) => s.district),
    lengthM: Float32Array.from(specs, (s) => s.lengthM),
    freeFlowKmh: Float32Array.from(specs, (s) => s.freeFlowKmh),
    lanes: Uint8Array.from(specs, (s) => s.lanes),
    roadClass: Uint8Array.from(specs, (s) => ROAD_CLASSES.indexOf(s.roadClass)),
    upstream: specs.map((s) => s.upstream ?? []),
    locateDistrict: () => null,
    nearestSegment: () => null,
  };
}
