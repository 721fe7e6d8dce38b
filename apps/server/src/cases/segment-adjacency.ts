import type { City } from '@cbo/city';
import type { Adjacency } from '@cbo/alerts';

/** Segments touch when one flows into the other (`city.upstream`); other targets never group. */
export function segmentAdjacency(city: City): Adjacency {
  return (target, a, b) => {
    if (target !== 'segment') return false;
    const ia = city.segmentIndexById.get(a);
    const ib = city.segmentIndexById.get(b);
    if (ia === undefined || ib === undefined) return false;
    return (city.upstream[ia]?.includes(ib) ?? false) || (city.upstream[ib]?.includes(ia) ?? false);
  };
}
