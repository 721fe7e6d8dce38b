import { describe, expect, it } from 'vitest';
import type { BikeZonesResponse, BikeZoneStatus } from '@cbo/contracts';
import { zoneLabel, zoneShapes } from './bike-place-layers';
import { saturatedAndViolations } from './bike-zone-lists';

function status(zoneId: string, state: BikeZoneStatus['state'], parked: number, capacity: number | null) {
  return {
    zoneId,
    kind: capacity === null ? 'no-parking' : 'parking',
    parked,
    capacity,
    saturation: capacity === null ? null : parked / capacity,
    state,
  } satisfies BikeZoneStatus;
}

describe('zone layers', () => {
  it('flattens a MultiPolygon zone into one shape per polygon, labelled at the outline mean', () => {
    const zone: BikeZonesResponse['zones'][number] = {
      id: 'z1',
      kind: 'parking',
      nameZh: '围栏',
      nameEn: 'Fence',
      capacity: 40,
      districtId: null,
      feedId: null,
      polygons: [
        [
          [
            [120, 30],
            [120.002, 30],
            [120.002, 30.002],
            [120, 30.002],
          ],
        ],
        [
          [
            [121, 31],
            [121.001, 31],
            [121.001, 31.001],
          ],
        ],
      ],
      status: status('z1', 'ok', 3, 40),
    };
    const shapes = zoneShapes([zone]);
    expect(shapes).toHaveLength(2);
    expect(shapes[0]!.labelAt[0]).toBeCloseTo(120.001, 9);
    expect(shapes[0]!.labelAt[1]).toBeCloseTo(30.001, 9);
  });

  it('labels only zones needing attention: parked/capacity when saturated, a cross when violated', () => {
    expect(zoneLabel(status('a', 'saturated', 46, 40))).toBe('46/40');
    expect(zoneLabel(status('b', 'violation', 12, null))).toBe('× 12');
    expect(zoneLabel(status('c', 'busy', 35, 40))).toBeNull();
    expect(zoneLabel(undefined)).toBeNull();
  });

  it('lists saturated zones fullest first and violations with the most bikes first', () => {
    const { saturated, violations } = saturatedAndViolations([
      status('a', 'saturated', 41, 40),
      status('b', 'violation', 3, null),
      status('c', 'saturated', 60, 40),
      status('d', 'violation', 9, null),
      status('e', 'ok', 1, 40),
    ]);
    expect(saturated.map((z) => z.zoneId)).toEqual(['c', 'a']);
    expect(violations.map((z) => z.zoneId)).toEqual(['d', 'b']);
  });
});
