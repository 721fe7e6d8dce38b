import { describe, expect, it } from 'vitest';
import { levelFromTpi, tpiFromTti } from './tpi';

describe('tpiFromTti', () => {
  it.each([
    [1.0, 0],
    [1.3, 2],
    [1.6, 4],
    [1.9, 6],
    [2.2, 8],
    [3.0, 10],
  ])('maps the knot TTI %d to TPI %d', (tti, tpi) => {
    expect(tpiFromTti(tti)).toBeCloseTo(tpi, 12);
  });

  it('interpolates linearly between knots', () => {
    // halfway between (1.6, 4) and (1.9, 6)
    expect(tpiFromTti(1.75)).toBeCloseTo(5, 12);
  });

  it('interpolates on the last segment', () => {
    // a quarter of the way from (2.2, 8) to (3.0, 10)
    expect(tpiFromTti(2.4)).toBeCloseTo(8.5, 12);
  });

  it('is 0 below TTI 1', () => {
    expect(tpiFromTti(0.8)).toBe(0);
  });

  it('is 10 above the last knot', () => {
    expect(tpiFromTti(7)).toBe(10);
  });

  it('rejects NaN', () => {
    expect(() => tpiFromTti(Number.NaN)).toThrow(RangeError);
  });
});

describe('levelFromTpi', () => {
  it.each([
    [0, 1],
    [1.99, 1],
    [2, 2],
    [3.99, 2],
    [4, 3],
    [5.99, 3],
    [6, 4],
    [7.99, 4],
    [8, 5],
    [10, 5],
  ])('TPI %d is level %d', (tpi, level) => {
    expect(levelFromTpi(tpi)).toBe(level);
  });

  it('puts every TTI knot on the level boundary it defines', () => {
    expect([1.29, 1.3, 1.6, 1.9, 2.2].map((tti) => levelFromTpi(tpiFromTti(tti)))).toEqual([1, 2, 3, 4, 5]);
  });
});
