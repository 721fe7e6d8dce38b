import { POINTS as POINTS_FIELD } from './area-accumulator';
import { METRIC_FIELDS } from './metrics-layout';
import type { MetricsLayout } from './metrics-layout';

/**
 * Counts congestion points into the layout's accumulator: for each area kind (network, district, street),
 * the maximal runs of congested segments (`layout.congested`) connected by upstream links that stay inside
 * one area of that kind. Union-find per kind: each congested segment adds a run to its area, each link that
 * merges two runs of the same area removes one.
 */
export function countCongestionPoints(layout: MetricsLayout): void {
  const { city, congested, segmentStreet, accumulator: acc, parents } = layout;
  const [networkParent, districtParent, streetParent] = parents;
  const districtCount = city.districtIds.length;
  const networkOffset = districtCount * METRIC_FIELDS + POINTS_FIELD;
  const streetBase = districtCount + 1;
  const { segmentDistrict, upstream } = city;

  for (let i = 0; i < city.segmentCount; i += 1) {
    if (congested[i] === 0) continue;
    networkParent[i] = i;
    districtParent[i] = i;
    streetParent[i] = i;
    acc[networkOffset]! += 1;
    acc[segmentDistrict[i]! * METRIC_FIELDS + POINTS_FIELD]! += 1;
    acc[(streetBase + segmentStreet[i]!) * METRIC_FIELDS + POINTS_FIELD]! += 1;
  }
  for (let i = 0; i < city.segmentCount; i += 1) {
    if (congested[i] === 0) continue;
    const district = segmentDistrict[i]!;
    const street = segmentStreet[i]!;
    for (const u of upstream[i]!) {
      if (congested[u] === 0) continue;
      if (union(networkParent, i, u)) acc[networkOffset]! -= 1;
      if (segmentDistrict[u] === district && union(districtParent, i, u)) {
        acc[district * METRIC_FIELDS + POINTS_FIELD]! -= 1;
      }
      if (segmentStreet[u] === street && union(streetParent, i, u)) {
        acc[(streetBase + street) * METRIC_FIELDS + POINTS_FIELD]! -= 1;
      }
    }
  }
}

function find(parent: Int32Array, x: number): number {
  let node = x;
  while (parent[node] !== node) {
    const grand = parent[parent[node]!]!;
    parent[node] = grand;
    node = grand;
  }
  return node;
}

/** Joins the sets of a and b; true when they were separate. */
function union(parent: Int32Array, a: number, b: number): boolean {
  const ra = find(parent, a);
  const rb = find(parent, b);
  if (ra === rb) return false;
  if (ra < rb) parent[rb] = ra;
  else parent[ra] = rb;
  return true;
}
