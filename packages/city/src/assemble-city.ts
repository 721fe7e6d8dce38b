import { ROAD_CLASSES } from '@cbo/contracts';
import type { CityDocument, LngLat } from '@cbo/contracts';
import type { City } from './city';
import { createDistrictLocator } from './district-locator';
import { createSegmentGrid } from './segment-grid';

/**
 * Builds the {@link City} model (typed arrays, id maps, upstream indices and spatial indexes) from a
 * complete, consistent document. Throws when the document breaks an invariant (an index out of place,
 * an unknown district, a duplicate or unknown segment id).
 */
export function assembleCity(document: CityDocument): City {
  const { segments } = document;
  const count = segments.length;
  const districtIds = document.districts.map((d) => d.id);
  const districtIndex = new Map(districtIds.map((id, i) => [id, i]));
  const segmentIndexById = new Map<string, number>();
  const segmentDistrict = new Uint16Array(count);
  const lengthM = new Float32Array(count);
  const freeFlowKmh = new Float32Array(count);
  const lanes = new Uint8Array(count);
  const roadClass = new Uint8Array(count);
  for (let i = 0; i < count; i += 1) {
    const s = segments[i];
    if (!s || s.index !== i) throw new Error(`segment at position ${i} has index ${s?.index}`);
    if (segmentIndexById.has(s.id)) throw new Error(`duplicate segment id ${s.id}`);
    segmentIndexById.set(s.id, i);
    const d = districtIndex.get(s.districtId);
    if (d === undefined) throw new Error(`segment ${s.id} has unknown district ${s.districtId}`);
    segmentDistrict[i] = d;
    lengthM[i] = s.lengthM;
    freeFlowKmh[i] = s.freeFlowKmh;
    lanes[i] = s.lanes;
    roadClass[i] = ROAD_CLASSES.indexOf(s.roadClass);
  }
  const upstream = segments.map((s) =>
    s.upstreamIds.map((id) => {
      const j = segmentIndexById.get(id);
      if (j === undefined) throw new Error(`segment ${s.id} names unknown upstream ${id}`);
      return j;
    }),
  );
  const locator = createDistrictLocator(document.districts.map((d) => d.polygons as LngLat[][][]));
  const grid = createSegmentGrid(segments.map((s) => s.path as LngLat[]));
  return {
    document,
    segments,
    segmentCount: count,
    segmentIndexById,
    districtIds,
    segmentDistrict,
    lengthM,
    freeFlowKmh,
    lanes,
    roadClass,
    upstream,
    locateDistrict(point) {
      const d = locator.locate(point);
      return d < 0 ? null : (districtIds[d] ?? null);
    },
    nearestSegment(point, maxDistanceM) {
      return grid.nearest(point, maxDistanceM);
    },
  };
}
