import type { LngLat } from '@cbo/contracts';
import { describe, expect, it } from 'vitest';
import { createBikeZoneIndex } from './bike-zone-index';

const square = (west: number, south: number, sizeDeg: number): LngLat[][][] => [
  [
    [
      [west, south],
      [west + sizeDeg, south],
      [west + sizeDeg, south + sizeDeg],
      [west, south + sizeDeg],
      [west, south],
    ],
  ],
];

describe('createBikeZoneIndex', () => {
  const index = createBikeZoneIndex([square(120.1, 30.2, 0.0005), square(120.1002, 30.2002, 0.003)]);

  it('finds both overlapping zones at a shared point', () => {
    expect(index.zonesAt([120.1003, 30.2003])).toEqual([0, 1]);
  });

  it('finds a zone that spans several grid cells from a far cell', () => {
    expect(index.firstZoneAt(120.1031, 30.2031)).toBe(1);
  });

  it('answers -1 just outside every zone', () => {
    expect(index.firstZoneAt(120.0999, 30.2003)).toBe(-1);
  });
});
