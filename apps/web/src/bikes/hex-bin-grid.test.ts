import { describe, expect, it } from 'vitest';
import { HEX_DENSITY_COLORS } from './bike-palette';
import { HexBinGrid } from './hex-bin-grid';

/** Degrees of latitude per metre (mean). */
const DEG_PER_M_LAT = 1 / 110_574;

describe('HexBinGrid', () => {
  it('puts two points 50 m apart near a centre in the same cell', () => {
    const grid = new HexBinGrid([120, 30], 250);
    expect(grid.slotAt(0, 0)).toBe(grid.slotAt(0, 50 * DEG_PER_M_LAT));
  });

  it('puts a point one cell height (433 m) north into the neighbouring cell, centred there', () => {
    const grid = new HexBinGrid([120, 30], 250);
    grid.slotAt(0, 0);
    const north = grid.slotAt(0, 433 * DEG_PER_M_LAT);
    expect(north).toBe(1);
    // Flat-topped hexagons: the northern neighbour's centre is sqrt(3) * 250 m = 433.0 m away.
    expect(grid.centres[3]! / DEG_PER_M_LAT).toBeCloseTo(433.01, 1);
    expect(grid.centres[2]).toBe(0);
  });

  it('grows its slot arrays past the initial size', () => {
    const grid = new HexBinGrid([120, 30], 100, 2);
    for (let k = 0; k < 5; k += 1) grid.slotAt(0, k * 1000 * DEG_PER_M_LAT);
    expect(grid.slotCount).toBe(5);
    expect(grid.counts.length).toBe(8);
    expect(grid.centres[9]! / DEG_PER_M_LAT).toBeCloseTo(4000, -2);
  });

  it('paints an emptied cell transparent and a busy one with its density class', () => {
    const grid = new HexBinGrid([120, 30], 250);
    const slot = grid.slotAt(0, 0);
    for (let k = 0; k < 3; k += 1) grid.add(slot);
    grid.paint();
    expect([...grid.colors.subarray(0, 4)]).toEqual([...HEX_DENSITY_COLORS[2]!]);
    grid.clear();
    grid.paint();
    expect(grid.colors[3]).toBe(0);
  });
});
