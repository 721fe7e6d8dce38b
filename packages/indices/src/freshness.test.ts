import { describe, expect, it } from 'vitest';
import { isFresh } from './freshness';

const T = 1_780_000_000_000;

describe('isFresh', () => {
  it('is true exactly at the end of the window', () => {
    expect(isFresh(T - 300_000, T, 300_000)).toBe(true);
  });

  it('is false one millisecond past the window', () => {
    expect(isFresh(T - 300_001, T, 300_000)).toBe(false);
  });

  it('accepts 60 s of future skew and no more', () => {
    expect([isFresh(T + 60_000, T, 300_000), isFresh(T + 60_001, T, 300_000)]).toEqual([true, false]);
  });

  it('is false for a segment never observed', () => {
    expect(isFresh(0, 100_000, 300_000)).toBe(false);
  });
});
