import type { City } from '@cbo/city';
import type { LngLat } from '@cbo/contracts';
import { KM_PER_DEG_LAT } from './rain-storms';
import type { RainArea } from './rain-field';

/**
 * Rain sample points of each district: a grid of `spacingM` over the city's bounds, each point assigned to the
 * district containing it (`city.locateDistrict`); a district the grid misses gets its label point. In
 * `city.districtIds` order, ready for `RainField.areaIntensitiesMmPerH`.
 */
export function districtRainAreas(
  city: Pick<City, 'document' | 'districtIds' | 'locateDistrict'>,
  spacingM = 2000,
): RainArea[] {
  if (!(spacingM > 0)) throw new RangeError(`spacingM must be > 0, got ${spacingM}`);
  const [west, south, east, north] = city.document.bounds;
  const latStep = spacingM / 1000 / KM_PER_DEG_LAT;
  const lngStep = latStep / Math.cos((((south + north) / 2) * Math.PI) / 180);
  const points = new Map<string, LngLat[]>(city.districtIds.map((id) => [id, []]));
  for (let lat = south + latStep / 2; lat < north; lat += latStep) {
    for (let lng = west + lngStep / 2; lng < east; lng += lngStep) {
      const id = city.locateDistrict([lng, lat]);
      if (id !== null) points.get(id)?.push([lng, lat]);
    }
  }
  return city.document.districts.map((d) => {
    const list = points.get(d.id) ?? [];
    return { id: d.id, points: list.length > 0 ? list : [d.labelAt] };
  });
}
