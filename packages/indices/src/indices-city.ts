import type { City } from '@cbo/city';

/** The parts of a {@link City} the index computations read; any `City` is one. */
export type IndicesCity = Pick<
  City,
  'segmentCount' | 'districtIds' | 'segmentDistrict' | 'lengthM' | 'freeFlowKmh' | 'lanes' | 'roadClass'
>;
