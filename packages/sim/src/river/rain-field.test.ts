import { describe, expect, it } from 'vitest';
import { districtRainAreas } from './district-rain-areas';
import { createRainField } from './rain-field';
import type { RainStorm } from './rain-storms';
import { stormsForDay } from './rain-storms';

const HOUR = 3_600_000;
/** One cell of 20 mm/h, 5 km radius, moving east at 30 km/h for 4 h from 120.0 E. */
const moving: RainStorm = {
  id: 's',
  startAt: 0,
  endAt: 4 * HOUR,
  velocityKmh: [30, 0],
  cells: [{ centreAtStart: [120.0, 30.27], radiusKm: 5, peakMmPerH: 20, startAt: 0, endAt: 4 * HOUR }],
};

describe('rain field', () => {
  it('moves a cell across the city: it rains on the west side before the east side', () => {
    const field = createRainField({ seed: 1, stormsPerDay: 0, storms: [moving] });
    const peakHour = (lng: number): number => {
      let best = 0;
      let bestAt = 0;
      for (let m = 0; m < 240; m += 5) {
        const i = field.intensityMmPerHAt([lng, 30.27], m * 60_000);
        if (i > best) [best, bestAt] = [i, m];
      }
      return bestAt;
    };
    expect(peakHour(120.1)).toBeLessThan(peakHour(120.3));
  });

  it('is dry outside a storm life and with no storms', () => {
    const field = createRainField({ seed: 1, stormsPerDay: 0, storms: [moving] });
    expect(field.intensityMmPerHAt([120.0, 30.27], 4 * HOUR)).toBe(0);
  });

  it('generates the same storms for the same (seed, day) and about 0.4 a day on average', () => {
    expect(stormsForDay(5, 19_000)).toEqual(stormsForDay(5, 19_000));
    let count = 0;
    for (let day = 0; day < 1000; day += 1) count += stormsForDay(5, day).length;
    expect(count / 1000).toBeGreaterThan(0.33);
    expect(count / 1000).toBeLessThan(0.47);
  });

  it('gives the mean rain per district over its sample points', () => {
    const city = {
      document: {
        bounds: [120.0, 30.0, 120.2, 30.1] as [number, number, number, number],
        districts: [
          { id: 'west', labelAt: [120.05, 30.05] as [number, number] },
          { id: 'east', labelAt: [120.15, 30.05] as [number, number] },
        ],
      },
      districtIds: ['west', 'east'],
      locateDistrict: ([lng]: [number, number]) => (lng < 120.1 ? 'west' : 'east'),
    } as unknown as Parameters<typeof districtRainAreas>[0];
    const areas = districtRainAreas(city, 2000);
    const storm: RainStorm = {
      ...moving,
      velocityKmh: [0, 0],
      cells: [{ ...moving.cells[0]!, centreAtStart: [120.02, 30.05], radiusKm: 3 }],
    };
    const field = createRainField({ seed: 1, stormsPerDay: 0, storms: [storm] });
    const [west, east] = field.areaIntensitiesMmPerH(areas, 2 * HOUR);
    expect(areas[0]!.points.length).toBeGreaterThan(10);
    expect(west).toBeGreaterThan(1);
    expect(east).toBeLessThan(west! / 20);
  });
});
