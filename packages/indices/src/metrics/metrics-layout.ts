import type { City } from '@cbo/city';
import { AREA_FIELDS } from './area-accumulator';

/** The parts of a `City` the traffic metrics read; any `City` is one. */
export type MetricsCity = Pick<
  City,
  | 'segmentCount'
  | 'districtIds'
  | 'segmentDistrict'
  | 'lengthM'
  | 'freeFlowKmh'
  | 'lanes'
  | 'roadClass'
  | 'segments'
  | 'upstream'
>;

/**
 * Precomputed street grouping and reusable scratch buffers for `computeTrafficMetrics`. Build once per city
 * with {@link createMetricsLayout}; each call overwrites the scratch, so one layout serves one caller at a time.
 */
export interface MetricsLayout {
  readonly city: MetricsCity;
  /** Road ids of the streets, in order of first appearance in `city.segments`. */
  readonly streetIds: readonly string[];
  /** Per segment: index into {@link MetricsLayout.streetIds}. */
  readonly segmentStreet: Uint32Array;
  /** Scratch: per segment, 1 when fresh and at level 4 or worse. */
  readonly congested: Uint8Array;
  /** Scratch: union-find parents for the network, district and street runs. */
  readonly parents: readonly [Int32Array, Int32Array, Int32Array];
  /** Scratch: per-area accumulators (districts, network, streets). */
  readonly accumulator: Float64Array;
}

/** Fields per area in {@link MetricsLayout.accumulator}. */
export const METRIC_FIELDS = AREA_FIELDS;

/** Groups segments into streets by `roadId` and allocates the scratch buffers. */
export function createMetricsLayout(city: MetricsCity): MetricsLayout {
  const streetIndex = new Map<string, number>();
  const streetIds: string[] = [];
  const segmentStreet = new Uint32Array(city.segmentCount);
  for (let i = 0; i < city.segmentCount; i += 1) {
    const roadId = city.segments[i]!.roadId;
    let s = streetIndex.get(roadId);
    if (s === undefined) {
      s = streetIds.length;
      streetIndex.set(roadId, s);
      streetIds.push(roadId);
    }
    segmentStreet[i] = s;
  }
  const n = city.segmentCount;
  return {
    city,
    streetIds,
    segmentStreet,
    congested: new Uint8Array(n),
    parents: [new Int32Array(n), new Int32Array(n), new Int32Array(n)],
    accumulator: new Float64Array((city.districtIds.length + 1 + streetIds.length) * METRIC_FIELDS),
  };
}
